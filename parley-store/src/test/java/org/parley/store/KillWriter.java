package org.parley.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A process for the kill -9 test: writes negotiations as fast as it can until it is killed. Each
 * finished record says in its settings how many events it has; a live one appends events one by
 * one. Arguments: database URL, scenario name.
 */
public final class KillWriter {

    public static void main(String[] args) {
        String url = args[0];
        String scenario = args[1];
        try (RecordStore store = Databases.open(url)) {
            for (int n = 0; ; n++) {
                int events = 5 + n % 50;
                List<String> log = new ArrayList<>();
                for (int e = 0; e < events; e++) {
                    log.add("{\"n\":" + n + ",\"e\":" + e + ",\"padding\":\"" + "x".repeat(200) + "\"}");
                }
                String id = "k" + n + "-" + UUID.randomUUID();
                if (n % 3 == 0) {
                    store.start(record(id, scenario, RecordStatus.RUNNING, events));
                    for (int e = 0; e < events; e++) {
                        store.append(id, e, log.get(e));
                    }
                    store.finish(id, RecordStatus.FINISHED, true, "{}");
                } else {
                    store.save(record(id, scenario, RecordStatus.FINISHED, events), log);
                }
            }
        }
    }

    private static StoredNegotiation record(String id, String scenario, RecordStatus status, int events) {
        boolean finished = status != RecordStatus.RUNNING;
        return new StoredNegotiation(id, scenario, "name: x\n", "{\"events\":" + events + "}", "run", status,
                finished ? Boolean.TRUE : null, finished ? "{}" : null, Instant.now(), finished ? Instant.now() : null, null,
                List.of(new PartyAssignment("a", "boulware"), new PartyAssignment("b", "micro")));
    }
}

package org.parley.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** The record store over JDBC (JDBI): the same SQL on SQLite and PostgreSQL. */
final class JdbcRecordStore implements RecordStore {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String location;
    /**
     * Every write, on SQLite and PostgreSQL alike: SQLite has one writer at a time (the others
     * would wait in a sleeping busy loop), and on both a commit is the costly part of a small write,
     * so one thread commits whatever queued up meanwhile in one transaction.
     */
    private final GroupCommit writer;

    JdbcRecordStore(HikariDataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.location = location;
        this.writer = new GroupCommit(jdbi, "parley-store-writer");
    }

    @Override
    public CompletableFuture<Void> commit(List<Write> unit) {
        List<Write> writes = List.copyOf(unit);
        try {
            for (Write write : writes) {
                if (write instanceof Write.Start start) {
                    checkStart(start.record(), start.grants());
                } else if (write instanceof Write.Finish finish) {
                    checkFinish(finish.status());
                }
            }
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return writer.submit(handle -> {
            for (Write write : writes) {
                if (write instanceof Write.Start start) {
                    start(handle, start.record(), start.grants());
                    if (start.organizerHash() != null) {
                        handle.createUpdate("INSERT INTO negotiation_organizer (negotiation_id, organizer_hash)"
                                        + " VALUES (:id, :hash)")
                                .bind("id", start.id()).bind("hash", start.organizerHash()).execute();
                    }
                } else if (write instanceof Write.Append append) {
                    append(handle, append.id(), append.firstSeq(), append.events());
                } else if (write instanceof Write.Finish finish) {
                    finish(handle, finish.id(), finish.status(), finish.agreement(), finish.result());
                } else if (write instanceof Write.ClassStart classStart) {
                    startClass(handle, classStart.session());
                } else if (write instanceof Write.WorldStart worldStart) {
                    startWorld(handle, worldStart.world());
                } else if (write instanceof Write.WorldStep step) {
                    worldStep(handle, step);
                } else if (write instanceof Write.WorldDecision decision) {
                    worldDecision(handle, decision);
                }
            }
        });
    }

    private static void startWorld(Handle handle, StoredWorld world) {
        handle.createUpdate("""
                        INSERT INTO world_game (id, token_hash, name, built_in, world_text, world_digest, person, seed,
                                                organizer_hash, created_at)
                        VALUES (:id, :token, :name, :builtIn, :text, :digest, :person, :seed, :organizer, :createdAt)""")
                .bind("id", world.id()).bind("token", world.tokenHash()).bind("name", world.name())
                .bind("builtIn", world.builtIn()).bind("text", world.worldText()).bind("digest", world.worldDigest())
                .bind("person", world.person()).bind("seed", world.seed()).bind("organizer", world.organizerHash())
                .bind("createdAt", world.createdAt().toEpochMilli())
                .execute();
    }

    private static void worldStep(Handle handle, Write.WorldStep step) {
        // Steps come in schedule order with no gaps: a step stored twice (two servers playing one world)
        // or out of order is refused, with the unit it came in.
        int held = handle.createQuery("SELECT COUNT(*) FROM world_step WHERE world_id = :id")
                .bind("id", step.worldId()).mapTo(Integer.class).one();
        if (held != step.position()) {
            throw new IllegalStateException("World " + step.worldId() + " has " + held + " steps stored; step "
                    + step.position() + " cannot be the next.");
        }
        handle.createUpdate("INSERT INTO world_step (world_id, position, negotiation_id) VALUES (:id, :position,"
                        + " :negotiation)")
                .bind("id", step.worldId()).bind("position", step.position()).bind("negotiation", step.negotiationId())
                .execute();
    }

    private void worldDecision(Handle handle, Write.WorldDecision decision) {
        int updated = handle.createUpdate("UPDATE world_step SET breach = :breach WHERE world_id = :id"
                        + " AND position = :position AND breach IS NULL")
                .bind("breach", decision.breach()).bind("id", decision.worldId()).bind("position", decision.position())
                .execute();
        if (updated == 0) {
            throw new IllegalStateException("World " + decision.worldId() + " has no step " + decision.position()
                    + " waiting for a decision in " + location + ".");
        }
    }

    @Override
    public Optional<StoredWorld> findWorld(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM world_game WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new StoredWorld(rs.getString("id"), rs.getString("token_hash"), rs.getString("name"),
                        rs.getString("built_in"), rs.getString("world_text"), rs.getString("world_digest"),
                        rs.getString("person"), rs.getLong("seed"), rs.getString("organizer_hash"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), List.of()))
                .findOne()
                .map(world -> new StoredWorld(world.id(), world.tokenHash(), world.name(), world.builtIn(),
                        world.worldText(), world.worldDigest(), world.person(), world.seed(), world.organizerHash(),
                        world.createdAt(), handle.createQuery("SELECT position, negotiation_id, breach FROM world_step"
                                        + " WHERE world_id = :id ORDER BY position")
                                .bind("id", id)
                                .map((rs, ctx) -> {
                                    boolean breach = rs.getBoolean("breach");
                                    Boolean decided = rs.wasNull() ? null : breach;
                                    return new StoredWorld.Step(rs.getInt("position"), rs.getString("negotiation_id"),
                                            decided);
                                })
                                .list())));
    }

    private static void startClass(Handle handle, ClassSession session) {
        handle.createUpdate("""
                        INSERT INTO class_session (id, name, scenario_name, students, facilitator_hash, organizer_hash,
                                                   created_at)
                        VALUES (:id, :name, :scenario, :students, :facilitator, :organizer, :createdAt)""")
                .bind("id", session.id()).bind("name", session.name()).bind("scenario", session.scenarioName())
                .bind("students", session.students()).bind("facilitator", session.facilitatorHash())
                .bind("organizer", session.organizerHash()).bind("createdAt", session.createdAt().toEpochMilli())
                .execute();
        PreparedBatch seats = handle.prepareBatch("INSERT INTO class_seat (class_id, table_no, position, negotiation_id,"
                + " party, student, code) VALUES (:id, :table, :position, :negotiation, :party, :student, :code)");
        for (ClassSession.Table table : session.tables()) {
            for (int i = 0; i < table.seats().size(); i++) {
                ClassSession.Seat seat = table.seats().get(i);
                seats.bind("id", session.id()).bind("table", table.number()).bind("position", i)
                        .bind("negotiation", table.negotiationId()).bind("party", seat.party())
                        .bind("student", seat.student()).bind("code", seat.code()).add();
            }
        }
        if (seats.size() > 0) {
            seats.execute();
        }
    }

    @Override
    public Optional<ClassSession> findClass(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM class_session WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> ClassRow.of(rs))
                .findOne()
                .map(row -> row.toSession(classTables(handle, row.id()))));
    }

    @Override
    public List<ClassSession> classesOrganizedBy(String organizerHash, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit (" + limit + ") must be positive.");
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT * FROM class_session WHERE organizer_hash = :hash"
                        + " ORDER BY created_at DESC, id LIMIT " + limit)
                .bind("hash", organizerHash)
                .map((rs, ctx) -> ClassRow.of(rs))
                .list().stream()
                .map(row -> row.toSession(classTables(handle, row.id())))
                .toList());
    }

    private static List<ClassSession.Table> classTables(Handle handle, String classId) {
        Map<Integer, String> negotiations = new LinkedHashMap<>();
        Map<Integer, List<ClassSession.Seat>> seats = new LinkedHashMap<>();
        handle.createQuery("SELECT table_no, negotiation_id, party, student, code FROM class_seat WHERE class_id = :id"
                        + " ORDER BY table_no, position")
                .bind("id", classId)
                .map((rs, ctx) -> {
                    int table = rs.getInt("table_no");
                    int student = rs.getInt("student");
                    Integer nullableStudent = rs.wasNull() ? null : student;
                    negotiations.putIfAbsent(table, rs.getString("negotiation_id"));
                    seats.computeIfAbsent(table, t -> new ArrayList<>())
                            .add(new ClassSession.Seat(rs.getString("party"), nullableStudent, rs.getString("code")));
                    return table;
                })
                .list();
        List<ClassSession.Table> tables = new ArrayList<>();
        negotiations.forEach((table, negotiation) -> tables.add(new ClassSession.Table(table, negotiation, seats.get(table))));
        return tables;
    }

    private record ClassRow(String id, String name, String scenarioName, int students, String facilitatorHash,
            String organizerHash, long createdAt) {
        static ClassRow of(ResultSet rs) throws SQLException {
            return new ClassRow(rs.getString("id"), rs.getString("name"), rs.getString("scenario_name"),
                    rs.getInt("students"), rs.getString("facilitator_hash"), rs.getString("organizer_hash"),
                    rs.getLong("created_at"));
        }

        ClassSession toSession(List<ClassSession.Table> tables) {
            return new ClassSession(id, name, scenarioName, students, facilitatorHash, organizerHash,
                    Instant.ofEpochMilli(createdAt), tables);
        }
    }

    @Override
    public void save(StoredNegotiation record, List<String> events) {
        if (record.status() == RecordStatus.RUNNING) {
            throw new IllegalArgumentException("save() stores finished negotiations; use start() for a running one.");
        }
        writer.await(handle -> {
            insert(handle, record);
            if (!events.isEmpty()) {
                PreparedBatch batch = handle.prepareBatch(
                        "INSERT INTO negotiation_event (negotiation_id, seq, payload) VALUES (:id, :seq, :payload)");
                for (int seq = 0; seq < events.size(); seq++) {
                    batch.bind("id", record.id()).bind("seq", seq).bind("payload", events.get(seq)).add();
                }
                batch.execute();
            }
        });
    }

    @Override
    public void start(StoredNegotiation record) {
        start(record, List.of());
    }

    @Override
    public void start(StoredNegotiation record, List<AccessGrant> grants) {
        checkStart(record, grants);
        writer.await(handle -> start(handle, record, grants));
    }

    private static void checkStart(StoredNegotiation record, List<AccessGrant> grants) {
        if (record.status() != RecordStatus.RUNNING) {
            throw new IllegalArgumentException("start() stores a running negotiation; use save() for a finished one.");
        }
        for (AccessGrant grant : grants) {
            if (!grant.negotiationId().equals(record.id())) {
                throw new IllegalArgumentException("The access grant is for negotiation (" + grant.negotiationId()
                        + "), not (" + record.id() + ").");
            }
        }
    }

    private static void start(Handle handle, StoredNegotiation record, List<AccessGrant> grants) {
        insert(handle, record);
        if (!grants.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO negotiation_access (token_hash, negotiation_id,"
                    + " role, party) VALUES (:hash, :id, :role, :party)");
            for (AccessGrant grant : grants) {
                batch.bind("hash", grant.tokenHash()).bind("id", grant.negotiationId()).bind("role", grant.role())
                        .bind("party", grant.party()).add();
            }
            batch.execute();
        }
    }

    @Override
    public Optional<AccessGrant> access(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT token_hash, negotiation_id, role, party FROM negotiation_access WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new AccessGrant(rs.getString("token_hash"), rs.getString("negotiation_id"),
                        rs.getString("role"), rs.getString("party")))
                .findOne());
    }

    private static void insert(Handle handle, StoredNegotiation record) {
        handle.createUpdate("""
                        INSERT INTO negotiation (id, scenario_name, scenario, settings, source, status, agreement, result,
                                                 created_at, finished_at, batch)
                        VALUES (:id, :scenarioName, :scenario, :settings, :source, :status, :agreement, :result,
                                :createdAt, :finishedAt, :batch)""")
                .bind("id", record.id())
                .bind("scenarioName", record.scenarioName())
                .bind("scenario", record.scenario())
                .bind("settings", record.settings())
                .bind("source", record.source())
                .bind("status", record.status().code())
                .bind("agreement", record.agreement())
                .bind("result", record.result())
                .bind("createdAt", record.createdAt().toEpochMilli())
                .bind("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toEpochMilli())
                .bind("batch", record.batch())
                .execute();
        PreparedBatch parties = handle.prepareBatch(
                "INSERT INTO negotiation_party (negotiation_id, position, party, strategy) VALUES (:id, :position, :party, :strategy)");
        for (int i = 0; i < record.parties().size(); i++) {
            PartyAssignment party = record.parties().get(i);
            parties.bind("id", record.id()).bind("position", i).bind("party", party.party())
                    .bind("strategy", party.strategy()).add();
        }
        if (!record.parties().isEmpty()) {
            parties.execute();
        }
    }

    @Override
    public void append(String id, int seq, String event) {
        append(id, seq, List.of(event));
    }

    @Override
    public void append(String id, int firstSeq, List<String> events) {
        if (events.isEmpty()) {
            return;
        }
        writer.await(handle -> append(handle, id, firstSeq, events));
    }

    /**
     * Appends after checking that the negotiation runs and has exactly {@code firstSeq} events (also
     * for none). This is the hot path of a live server's store: every move's unit runs it on the one
     * writer thread, which every acknowledgement waits for. So it is plain JDBC with positional
     * parameters: through JDBI (named parameters, argument factories, a statement context per
     * statement) the same two statements cost the writer ten times what SQLite itself spent on them.
     */
    private void append(Handle handle, String id, int firstSeq, List<String> events) {
        Connection connection = handle.getConnection();
        String status;
        int next;
        try {
            // One query for both checks.
            try (PreparedStatement tail = connection.prepareStatement("SELECT status, (SELECT COALESCE(MAX(seq) + 1, 0)"
                    + " FROM negotiation_event WHERE negotiation_id = ?) AS next FROM negotiation WHERE id = ?")) {
                tail.setString(1, id);
                tail.setString(2, id);
                try (ResultSet rs = tail.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("No negotiation (" + id + ") in " + location + ".");
                    }
                    status = rs.getString(1);
                    next = rs.getInt(2);
                }
            }
            if (!status.equals(RecordStatus.RUNNING.code())) {
                throw new IllegalStateException("The negotiation (" + id + ") is " + status + "; no more events can be"
                        + " added.");
            }
            if (firstSeq != next) {
                throw new IllegalStateException("Event " + firstSeq + " of negotiation (" + id + ") is out of order:"
                        + " expected " + next + ".");
            }
            if (events.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO negotiation_event (negotiation_id, seq, payload) VALUES (?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    insert.setString(1, id);
                    insert.setInt(2, firstSeq + i);
                    insert.setString(3, events.get(i));
                    if (events.size() == 1) {
                        insert.executeUpdate();
                    } else {
                        insert.addBatch();
                    }
                }
                if (events.size() > 1) {
                    insert.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append event " + firstSeq + " of negotiation (" + id + ") to "
                    + location + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void finish(String id, RecordStatus status, Boolean agreement, String result) {
        checkFinish(status);
        writer.await(handle -> finish(handle, id, status, agreement, result));
    }

    private static void checkFinish(RecordStatus status) {
        if (status == RecordStatus.RUNNING) {
            throw new IllegalArgumentException("finish() needs a final status (finished or aborted).");
        }
    }

    private void finish(Handle handle, String id, RecordStatus status, Boolean agreement, String result) {
        int updated = handle.createUpdate("""
                        UPDATE negotiation SET status = :status, agreement = :agreement, result = :result, finished_at = :at
                        WHERE id = :id AND status = 'running'""")
                .bind("id", id).bind("status", status.code()).bind("agreement", agreement).bind("result", result)
                .bind("at", Instant.now().toEpochMilli())
                .execute();
        if (updated == 0) {
            throw new IllegalStateException("No running negotiation (" + id + ") in " + location + ".");
        }
    }

    @Override
    public Optional<StoredNegotiation> find(String id) {
        return jdbi.withHandle(handle -> {
            List<StoredNegotiation> found = select(handle, "WHERE n.id = :id", Map.of("id", id), 1);
            return found.stream().findFirst();
        });
    }

    @Override
    public List<StoredNegotiation> organizedBy(String organizerHash, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit (" + limit + ") must be positive.");
        }
        return jdbi.withHandle(handle -> select(handle, "WHERE n.id IN (SELECT o.negotiation_id FROM"
                + " negotiation_organizer o WHERE o.organizer_hash = :hash)", Map.of("hash", organizerHash), limit));
    }

    @Override
    public List<String> idsStartingWith(String prefix, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit (" + limit + ") must be positive.");
        }
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        // LIKE ignores case for ASCII on SQLite but not on PostgreSQL: compare the prefix exactly too.
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM negotiation WHERE id LIKE :pattern ESCAPE '\\' ORDER BY id LIMIT " + limit)
                .bind("pattern", escaped + "%").mapTo(String.class).list())
                .stream().filter(id -> id.startsWith(prefix)).toList();
    }

    @Override
    public List<String> events(String id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT payload FROM negotiation_event WHERE negotiation_id = :id ORDER BY seq")
                .bind("id", id).mapTo(String.class).list());
    }

    @Override
    public List<StoredNegotiation> history(HistoryQuery query) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (query.scenario() != null) {
            where.append(" AND n.scenario_name = :scenario");
            binds.put("scenario", query.scenario());
        }
        if (query.strategy() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM negotiation_party p WHERE p.negotiation_id = n.id"
                    + " AND (p.strategy = :strategy OR p.strategy LIKE :strategyPrefix))");
            binds.put("strategy", query.strategy());
            binds.put("strategyPrefix", query.strategy().replace("%", "").replace("_", "") + ":%");
        }
        if (query.from() != null) {
            where.append(" AND n.created_at >= :from");
            binds.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            where.append(" AND n.created_at < :to");
            binds.put("to", query.to().toEpochMilli());
        }
        if (query.batch() != null) {
            where.append(" AND n.batch = :batch");
            binds.put("batch", query.batch());
        }
        return jdbi.withHandle(handle -> select(handle, where.toString(), binds, query.limit()));
    }

    private static List<StoredNegotiation> select(Handle handle, String where, Map<String, Object> binds, int limit) {
        Query query = handle.createQuery("SELECT n.* FROM negotiation n " + where
                + " ORDER BY n.created_at DESC, n.id LIMIT " + limit);
        binds.forEach(query::bind);
        List<Row> rows = query.map((rs, ctx) -> Row.of(rs)).list();
        List<StoredNegotiation> records = new ArrayList<>();
        for (Row row : rows) {
            List<PartyAssignment> parties = handle.createQuery(
                            "SELECT party, strategy FROM negotiation_party WHERE negotiation_id = :id ORDER BY position")
                    .bind("id", row.id)
                    .map((rs, ctx) -> new PartyAssignment(rs.getString("party"), rs.getString("strategy")))
                    .list();
            records.add(row.toRecord(parties));
        }
        return records;
    }

    /** A negotiation row, read before its parties. */
    private record Row(String id, String scenarioName, String scenario, String settings, String source, String status,
            Boolean agreement, String result, long createdAt, Long finishedAt, String batch) {

        static Row of(ResultSet rs) throws SQLException {
            boolean agreement = rs.getBoolean("agreement");
            Boolean nullableAgreement = rs.wasNull() ? null : agreement;
            long finished = rs.getLong("finished_at");
            Long nullableFinished = rs.wasNull() ? null : finished;
            return new Row(rs.getString("id"), rs.getString("scenario_name"), rs.getString("scenario"),
                    rs.getString("settings"), rs.getString("source"), rs.getString("status"), nullableAgreement,
                    rs.getString("result"), rs.getLong("created_at"), nullableFinished, rs.getString("batch"));
        }

        StoredNegotiation toRecord(List<PartyAssignment> parties) {
            return new StoredNegotiation(id, scenarioName, scenario, settings, source, RecordStatus.of(status), agreement,
                    result, Instant.ofEpochMilli(createdAt), finishedAt == null ? null : Instant.ofEpochMilli(finishedAt),
                    batch, parties);
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        writer.close();
        dataSource.close();
    }
}

package org.parley.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.io.remote.RemoteAgents;
import org.parley.server.ParleyServer;
import org.parley.store.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Serves the web UI and the JSON API until stopped (Ctrl-C), on the same record database as the other commands. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Negotiate in the browser: serve the web UI and the JSON API (docs/api.md)"
        + " until stopped with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "The TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 lets"
                    + " others on the network join).")
    String host;

    @Mixin
    StoreOption store;

    @Mixin
    AgentsOption agents;

    @Option(names = "--allow-remote", paramLabel = "URL_PREFIX",
            description = "Let AI seats be played by remote agents (strategy remote:url=...) whose URL starts with"
                    + " URL_PREFIX, like http://127.0.0.1:9000/ (repeatable). Without it the server offers no remote"
                    + " agents: whoever creates a negotiation could otherwise make the server call any address.")
    List<String> allowRemote = List.of();

    @Option(names = "--organizer-key", paramLabel = "KEY",
            description = "A key that lets its holder set up negotiations and use the organizer's page (/organizer;"
                    + " repeatable, one per organizer; 16 to 200 characters). Needed on any address but this"
                    + " machine's: without one, parley serve makes one and prints it. Also from PARLEY_ORGANIZER_KEY.")
    List<String> organizerKeys = List.of();

    @Option(names = "--create-limit", paramLabel = "RATE", defaultValue = "60/min",
            description = "New negotiations per organizer (or client address): N/s, N/min, N/h or off (default"
                    + " ${DEFAULT-VALUE}).")
    String createLimit;

    @Option(names = "--move-limit", paramLabel = "RATE", defaultValue = "10/s",
            description = "Moves per join link: N/s, N/min, N/h or off (default ${DEFAULT-VALUE}).")
    String moveLimit;

    @Option(names = "--max-running", paramLabel = "N", defaultValue = "2000",
            description = "Running negotiations at most; more are refused until some end (default ${DEFAULT-VALUE}).")
    int maxRunning;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UserException("--port: (" + port + ") is not a TCP port; expected 0 to 65535.");
        }
        for (String prefix : allowRemote) {
            try {
                RemoteAgents.url(prefix);
            } catch (IllegalArgumentException e) {
                throw new UserException("--allow-remote (" + prefix + "): expected the start of an http or https URL,"
                        + " like http://127.0.0.1:9000/.");
            }
        }
        var strategies = agents.registry(registry -> {
            if (!allowRemote.isEmpty()) {
                RemoteAgents.register(registry, url -> allowRemote.stream().anyMatch(p -> url.toString().startsWith(p)),
                        "; this server allows remote agents at " + String.join(", ", allowRemote) + " (parley serve"
                                + " --allow-remote).");
            }
        });
        List<String> keys = new java.util.ArrayList<>(organizerKeys);
        String fromEnvironment = System.getenv("PARLEY_ORGANIZER_KEY");
        if (keys.isEmpty() && fromEnvironment != null && !fromEnvironment.isBlank()) {
            keys.add(fromEnvironment.strip());
        }
        String generated = null;
        if (keys.isEmpty() && !ParleyServer.loopback(host)) {
            byte[] bytes = new byte[32];
            new java.security.SecureRandom().nextBytes(bytes);
            generated = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            keys.add(generated);
        }
        org.parley.server.ServerOptions options;
        try {
            options = org.parley.server.ServerOptions.defaults()
                    .withOrganizerKeys(java.util.Set.copyOf(keys))
                    .withRates(org.parley.server.ServerOptions.Rate.parse(createLimit),
                            org.parley.server.ServerOptions.Rate.parse(moveLimit))
                    .withMaxRunning(maxRunning);
        } catch (IllegalArgumentException e) {
            throw new UserException("parley serve: " + e.getMessage());
        }
        RecordStore records = store.open();
        ParleyServer server;
        try {
            server = ParleyServer.start(host, port, records, options, strategies);
        } catch (RuntimeException e) {
            records.close();
            throw new UserException("Cannot serve on " + host + ":" + port + ": " + rootMessage(e)
                    + (port != 0 ? " (is the port in use? try --port 0 or another port)" : ""));
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        var out = spec.commandLine().getOut();
        out.printf("Parley is serving on http://%s:%d/ (records in %s). Stop with Ctrl-C.%n", shown, server.port(),
                records.location());
        if (generated != null) {
            out.printf("Organizer key (needed to set up negotiations; keep it for this run): %s%n"
                    + "Organizer's page: http://%s:%d/organizer#%s%n", generated, shown, server.port(), generated);
        } else if (!keys.isEmpty()) {
            out.printf("Organizer's page: http://%s:%d/organizer (with your organizer key)%n", shown, server.port());
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            records.close();
            stopped.countDown();
        }, "parley-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
            records.close();
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

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
        var strategies = AgentsOption.registry(agents.paths(), registry -> {
            if (!allowRemote.isEmpty()) {
                RemoteAgents.register(registry, url -> allowRemote.stream().anyMatch(p -> url.toString().startsWith(p)),
                        "; this server allows remote agents at " + String.join(", ", allowRemote) + " (parley serve"
                                + " --allow-remote).");
            }
        });
        RecordStore records = store.open();
        ParleyServer server;
        try {
            server = ParleyServer.start(host, port, records, strategies);
        } catch (RuntimeException e) {
            records.close();
            throw new UserException("Cannot serve on " + host + ":" + port + ": " + rootMessage(e)
                    + (port != 0 ? " (is the port in use? try --port 0 or another port)" : ""));
        }
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        var out = spec.commandLine().getOut();
        out.printf("Parley is serving on http://%s:%d/ (records in %s). Stop with Ctrl-C.%n", shown, server.port(),
                records.location());
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

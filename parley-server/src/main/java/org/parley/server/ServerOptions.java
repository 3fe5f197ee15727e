package org.parley.server;

/**
 * How a server runs, beyond where it listens and stores: {@link #defaults()} suits a class on a
 * school network; tests and the load benchmark change what they need with the {@code with...}
 * copies.
 *
 * @param aiWorkers how many AI diplomats may think at once (strategy calls in parallel)
 */
public record ServerOptions(int aiWorkers) {

    public ServerOptions {
        if (aiWorkers < 1) {
            throw new IllegalArgumentException("The AI workers (" + aiWorkers + ") must be at least 1.");
        }
    }

    /** One AI worker per processor, at least two. */
    public static ServerOptions defaults() {
        return new ServerOptions(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public ServerOptions withAiWorkers(int workers) {
        return new ServerOptions(workers);
    }
}

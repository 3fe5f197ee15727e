package org.parley.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * How a server runs, beyond where it listens and stores: {@link #defaults()} suits a class on a
 * school network; tests and the load benchmark change what they need with the {@code with...}
 * copies.
 *
 * @param aiWorkers how many AI diplomats may think at once (strategy calls in parallel)
 * @param organizerKeys the keys that may set up negotiations; empty: anyone who reaches the port may
 *     (what {@code parley serve} allows on loopback only)
 * @param createRate negotiations one organizer (or, without keys, one client address) may set up; null: no limit
 * @param moveRate moves (and scorings) one join link may send; null: no limit
 * @param maxRunning running negotiations at most, in memory or not
 * @param evictIdle how long a running negotiation nobody follows stays in memory
 */
public record ServerOptions(int aiWorkers, Set<String> organizerKeys, Rate createRate, Rate moveRate, int maxRunning,
        Duration evictIdle) {

    /** At most {@code permits} per {@code per}, with bursts of as many. */
    public record Rate(int permits, Duration per) {
        public Rate {
            if (permits < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A rate needs at least one permit per positive time, not ("
                        + permits + " per " + per + ").");
            }
        }

        /**
         * {@code N/s}, {@code N/min} or {@code N/h}; {@code off} for no limit (null).
         *
         * @throws IllegalArgumentException naming the expected form
         */
        public static Rate parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("off")) {
                return null;
            }
            int slash = t.indexOf('/');
            try {
                if (slash > 0) {
                    int n = Integer.parseInt(t.substring(0, slash).strip());
                    Duration per = switch (t.substring(slash + 1).strip()) {
                        case "s", "sec", "second" -> Duration.ofSeconds(1);
                        case "min", "minute" -> Duration.ofMinutes(1);
                        case "h", "hour" -> Duration.ofHours(1);
                        default -> null;
                    };
                    if (per != null) {
                        return new Rate(n, per);
                    }
                }
            } catch (IllegalArgumentException e) {
                // the message below says what is expected
            }
            throw new IllegalArgumentException("A rate is N/s, N/min or N/h with N at least 1, or off; not ("
                    + Messages.quote(text) + ").");
        }

        @Override
        public String toString() {
            return permits + "/" + (per.equals(Duration.ofSeconds(1)) ? "s" : per.equals(Duration.ofMinutes(1))
                    ? "min" : per.equals(Duration.ofHours(1)) ? "h" : per.toString());
        }
    }

    public ServerOptions {
        if (aiWorkers < 1) {
            throw new IllegalArgumentException("The AI workers (" + aiWorkers + ") must be at least 1.");
        }
        if (maxRunning < 1) {
            throw new IllegalArgumentException("The running negotiations at most (" + maxRunning + ") must be at least 1.");
        }
        organizerKeys = Set.copyOf(organizerKeys);
        for (String key : organizerKeys) {
            Organizers.checkKey(key);
        }
    }

    /**
     * One AI worker per processor, at least two; no organizer keys; 60 new negotiations a minute
     * per organizer, 10 moves a second per join link; 2000 running negotiations; out of memory
     * after 10 idle minutes.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(Math.max(2, Runtime.getRuntime().availableProcessors()), Set.of(),
                new Rate(60, Duration.ofMinutes(1)), new Rate(10, Duration.ofSeconds(1)), 2000, Duration.ofMinutes(10));
    }

    public ServerOptions withAiWorkers(int workers) {
        return new ServerOptions(workers, organizerKeys, createRate, moveRate, maxRunning, evictIdle);
    }

    public ServerOptions withOrganizerKeys(Set<String> keys) {
        return new ServerOptions(aiWorkers, keys, createRate, moveRate, maxRunning, evictIdle);
    }

    public ServerOptions withRates(Rate create, Rate move) {
        return new ServerOptions(aiWorkers, organizerKeys, create, move, maxRunning, evictIdle);
    }

    public ServerOptions withMaxRunning(int max) {
        return new ServerOptions(aiWorkers, organizerKeys, createRate, moveRate, max, evictIdle);
    }

    public ServerOptions withEvictIdle(Duration idle) {
        return new ServerOptions(aiWorkers, organizerKeys, createRate, moveRate, maxRunning, idle);
    }
}

package org.parley.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (an organizer, a client address, a join link): each holds up to the rate's
 * permits and refills at the rate; a request that finds its bucket empty is refused with a {@code
 * 429} saying when to retry. Buckets that have refilled are forgotten by {@link #forgetFull}.
 */
final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final ServerOptions.Rate rate;
    private final String what;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code rate} null: no limit. {@code what} names the request in messages ("moves per join link"). */
    RateLimiter(ServerOptions.Rate rate, String what) {
        this.rate = rate;
        this.what = what;
    }

    /** Takes one permit for {@code key}, or throws a 429 {@link ApiException} with the seconds to wait. */
    void acquire(String key) {
        if (rate == null) {
            return;
        }
        long now = System.nanoTime();
        double perNano = rate.permits() / (double) rate.per().toNanos();
        double[] wait = {0};
        buckets.compute(key, (k, b) -> {
            if (b == null) {
                b = new Bucket(rate.permits(), now);
            }
            b.tokens = Math.min(rate.permits(), b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
            } else {
                wait[0] = (1 - b.tokens) / perNano / 1e9;
            }
            return b;
        });
        if (wait[0] > 0) {
            long seconds = Math.max(1, (long) Math.ceil(wait[0]));
            throw new ApiException(429, null, "Too many " + what + " (at most " + rate + "); try again in " + seconds
                    + " s.").retryAfter(seconds);
        }
    }

    /** Drops the buckets that are full again (their keys have been quiet long enough). */
    void forgetFull() {
        if (rate == null) {
            return;
        }
        long now = System.nanoTime();
        double perNano = rate.permits() / (double) rate.per().toNanos();
        buckets.entrySet().removeIf(e -> e.getValue().tokens + (now - e.getValue().at) * perNano >= rate.permits());
    }
}

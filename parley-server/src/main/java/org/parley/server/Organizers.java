package org.parley.server;

import io.javalin.http.Context;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may set up negotiations: holders of an organizer key, when the server has any (it must, on
 * any address but loopback). Only the keys' SHA-256 are kept, in memory and with each negotiation,
 * so the organizer's page lists a key holder's own negotiations and no one else's.
 */
final class Organizers {

    static final int MIN_KEY = 16;
    static final int MAX_KEY = 200;

    private final Set<String> hashes;

    Organizers(Set<String> keys) {
        this.hashes = keys.stream().map(Tokens::hash).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether setting up a negotiation needs a key. */
    boolean required() {
        return !hashes.isEmpty();
    }

    /** A key an organizer may choose: 16 to 200 printable ASCII characters, no spaces. */
    static void checkKey(String key) {
        if (key == null || key.length() < MIN_KEY || key.length() > MAX_KEY
                || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("An organizer key is " + MIN_KEY + " to " + MAX_KEY + " printable"
                    + " characters without spaces (" + (key == null ? 0 : key.length()) + " given); leave it out and"
                    + " parley serve makes one.");
        }
    }

    /**
     * The hash of the organizer key the request carries ({@code Authorization: Bearer KEY}), or null
     * when keys are not required and none is sent; an {@link ApiException} 401 otherwise.
     */
    String organizer(Context ctx, boolean needed) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            if (needed && required()) {
                throw new ApiException(401, null, "Setting up negotiations on this server needs the organizer key:"
                        + " send it as \"Authorization: Bearer KEY\" (the set-up page asks for it).");
            }
            if (needed) {
                return null;
            }
            throw new ApiException(401, null, "The organizer's page needs the organizer key (\"Authorization: Bearer"
                    + " KEY\")" + (required() ? "." : "; this server has none: start it with --organizer-key."));
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, null, "The Authorization header must be \"Bearer KEY\".");
        }
        String hash = Tokens.hash(header.substring(7).strip());
        if (!hashes.contains(hash)) {
            throw new ApiException(401, null, "Unknown organizer key" + (required() ? "." : "; this server has none:"
                    + " start it with --organizer-key."));
        }
        return hash;
    }
}

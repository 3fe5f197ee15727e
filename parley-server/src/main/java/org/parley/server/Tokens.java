package org.parley.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Join-link tokens: 256 random bits from {@link SecureRandom}, base64url without padding (43
 * characters). The server keeps only their SHA-256, so a leaked database does not leak working
 * links; a token this long needs no salt or slow hash, since it cannot be guessed.
 */
final class Tokens {

    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A fresh negotiation id: 128 random bits, hex. Ids are not secrets, but need not be guessable either. */
    String id() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    long seed() {
        return random.nextLong();
    }

    /** Whether the text has the shape of a token; anything else is refused before any lookup. */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c ->
                (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    /**
     * A token derived from a secret one, for {@code label}: HMAC-SHA-256, base64url (43 characters,
     * a well-formed token). A class's observer links come from its facilitator's token this way, so
     * that the server can hand them out again to whoever holds that token without keeping either.
     */
    static String derive(String secret, String label) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this Java runtime.", e);
        }
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime.", e);
        }
    }
}

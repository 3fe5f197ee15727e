package org.parley.server;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * A class's short join codes: ten characters in two groups ({@code K7MQ4-XZP2H}) from an alphabet
 * without the characters people confuse (0/O, 1/I/L), read back whatever the case and the spacing.
 * A code is a seat's credential, as a join link's token is, but one a student can type: 31^10 codes
 * (about 50 bits), so that guessing any one of a thousand live codes takes, at a thousand tries a
 * second, some twenty-five years on average. The server keeps a code's SHA-256 as the seat's access
 * grant, and the code itself with the class, so that the facilitator can print the slips again.
 */
final class JoinCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    /** A fresh code, as printed: two groups of five joined by a dash. */
    String next() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code in its printed form, or null if {@code text} is not one: case, spaces and dashes are
     * ignored ("k7mq4 xzp2h" is K7MQ4-XZP2H).
     */
    static String canonical(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        StringBuilder plain = new StringBuilder(LENGTH);
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || plain.length() == LENGTH) {
                return null;
            }
            plain.append(c);
        }
        if (plain.length() != LENGTH) {
            return null;
        }
        return plain.substring(0, LENGTH / 2) + "-" + plain.substring(LENGTH / 2);
    }

    /** The hash kept as the seat's access grant: of the printed form, so that any spelling finds it. */
    static String hash(String canonical) {
        return Tokens.hash(canonical);
    }
}

package org.parley.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.core.negotiation.Deadline;

/**
 * The deadline as a tournament names it: rounds ({@code 1000r}), wall-clock time ({@code 180s},
 * {@code 3m}, {@code 500ms}), or both, comma-separated, whichever comes first ({@code 1000r,180s}),
 * as the ANAC competitions set them (GENIUS: 180 s per negotiation in 2010–2013; rounds in later
 * years and in GeniusWeb). Written back the same way in tournament.json.
 */
final class Deadlines {

    private Deadlines() {}

    static final String EXPECTED = "expected a round limit like 1000r, a time limit like 180s, 3m or 500ms, or both"
            + " like 1000r,180s (whichever comes first)";

    private static final Pattern ROUNDS = Pattern.compile("(\\d+)\\s*(?:r|rounds?)");

    /** Reads {@code text}; a mistake is a one-line error naming {@code flag}. */
    static Deadline parse(String flag, String text) {
        String spec = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (spec.isEmpty()) {
            throw new UserException(flag + " (" + text + "): " + EXPECTED + ".");
        }
        Integer rounds = null;
        Duration time = null;
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            Matcher m = ROUNDS.matcher(p);
            if (m.matches()) {
                if (rounds != null) {
                    throw new UserException(flag + " (" + text + "): two round limits; name at most one.");
                }
                long n = m.group(1).length() > 10 ? Long.MAX_VALUE : Long.parseLong(m.group(1));
                if (n < 1 || n > 1_000_000_000L) {
                    throw new UserException(flag + " (" + text + "): the round limit (" + m.group(1)
                            + ") must be between 1 and 1000000000.");
                }
                rounds = (int) n;
            } else if (p.matches("\\d+(?:\\.\\d+)?\\s*(?:ms|s|m)")) {
                if (time != null) {
                    throw new UserException(flag + " (" + text + "): two time limits; name at most one.");
                }
                time = RunCommand.duration(flag, p);
            } else {
                throw new UserException(flag + " (" + text + "): " + (p.isEmpty() ? "an empty part between commas; "
                        : "(" + part.strip() + ") is neither; ") + EXPECTED + ".");
            }
        }
        return new Deadline(rounds == null ? 0 : rounds, time);
    }

    /** The deadline as {@link #parse} reads it: {@code 1000r}, {@code 180s}, {@code 1500ms} or {@code 1000r,180s}. */
    static String format(Deadline deadline) {
        StringBuilder text = new StringBuilder();
        if (deadline.hasRounds()) {
            text.append(deadline.rounds()).append('r');
        }
        if (deadline.hasTime()) {
            long millis = deadline.time().toMillis();
            text.append(text.length() > 0 ? "," : "").append(millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms");
        }
        return text.toString();
    }

    /** For people: "1000 rounds", "180 s", "1000 rounds or 180 s". */
    static String describe(Deadline deadline) {
        String rounds = deadline.hasRounds() ? deadline.rounds() + (deadline.rounds() == 1 ? " round" : " rounds") : "";
        if (!deadline.hasTime()) {
            return rounds;
        }
        long millis = deadline.time().toMillis();
        String time = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return deadline.hasRounds() ? rounds + " or " + time : time;
    }
}

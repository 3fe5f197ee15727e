package org.parley.io;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.parley.core.coalition.TableGame;

/**
 * The plain-text value list of the public ODP-IP implementation (Rahwan, Michalak et al.): 2^n lines,
 * line x + 1 holding v of the coalition whose bits are set in x (bit i = player i + 1), the first 0.
 *
 * <p>Read as bytes, a megabyte at a time, without a string per line. A line that is a plain decimal
 * ({@code [+-]digits[.digits][e[+-]digits]}, what any writer of these files produces) is checked and
 * converted in one pass: exactly by one multiplication or division when its digits and power of ten
 * are small (Clinger's fast path), else by FastDoubleParser (Eisel and Lemire's algorithm, the copy
 * that jackson-core ships behind its public {@code NumberInput}). Both are correctly rounded, so every
 * value is the double {@code Double.parseDouble} gives. Any other line goes through
 * {@code Double.parseDouble} as before, so every form it accepts ({@code 1.5E9}, {@code 0x1p3},
 * {@code 2d}) still is, and everything else is an error naming the line. O(bytes) in one pass.
 */
public final class OdpIpValueList {

    private static final int BUFFER = 1 << 20;
    /** Plain decimals longer than this go through Double.parseDouble (no real value list has them). */
    private static final int FAST_MAX = 64;

    private final String source;
    private double[] values = new double[1024];
    private int count;
    private int lineNumber;
    private int blankAt;
    private final char[] chars = new char[FAST_MAX];

    private OdpIpValueList(String source) {
        this.source = source;
    }

    /** Reads an ODP-IP value list: 2^n lines, one number each, the first 0; blank lines at the end are ignored. */
    public static TableGame read(Path file) {
        OdpIpValueList reader = new OdpIpValueList(file.toString());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.readAll(channel);
        } catch (NoSuchFileException e) {
            throw new FormatException(file.toString(), 0, 0, "", "no such file");
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, 0, "", "cannot be read: " + e.getMessage());
        }
        return new TableGame(reader.finish());
    }

    /** Writes the value table in the ODP-IP format: one value per line, coalition 0 first. */
    public static void write(TableGame game, Writer writer) throws IOException {
        int size = 1 << game.players();
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < size; s++) {
            text.append(Double.toString(game.value(s))).append('\n');
            if (text.length() > 1 << 16) {
                writer.write(text.toString());
                text.setLength(0);
            }
        }
        writer.write(text.toString());
        writer.flush();
    }

    /**
     * Splits the bytes into lines as {@code BufferedReader.readLine} does (a line ends at \n, \r or
     * \r\n). A line that is a plain decimal ends in \n or \r\n goes through {@link #plainLine} in
     * one pass; any other, and any line cut by the end of the buffer, is found whole and handed to
     * {@link #line}. A line longer than the buffer grows it.
     */
    private void readAll(FileChannel channel) throws IOException {
        byte[] bytes = new byte[BUFFER];
        int filled = 0;
        boolean eof = false;
        boolean skipLineFeed = false; // the last line ended in \r: a \n right after it ends it too
        while (true) {
            if (!eof) {
                int read = channel.read(ByteBuffer.wrap(bytes, filled, bytes.length - filled));
                if (read < 0) {
                    eof = true;
                } else {
                    filled += read;
                }
            }
            int p = 0;
            while (p < filled) {
                if (skipLineFeed) {
                    skipLineFeed = false;
                    if (bytes[p] == '\n') {
                        p++;
                        continue;
                    }
                }
                int next = lineNumber > 0 && blankAt == 0 ? plainLine(bytes, p, filled) : -1;
                if (next >= 0) {
                    p = next;
                    continue;
                }
                int end = p;
                while (end < filled && bytes[end] != '\n' && bytes[end] != '\r') {
                    end++;
                }
                if (end == filled && !eof) {
                    break; // the rest of the line is still to be read
                }
                line(bytes, p, end);
                if (end < filled) {
                    skipLineFeed = bytes[end] == '\r';
                    end++;
                }
                p = end;
            }
            if (eof && p >= filled) {
                return;
            }
            int left = filled - p;
            if (left == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            } else {
                System.arraycopy(bytes, p, bytes, 0, left);
            }
            filled = left;
        }
    }

    /**
     * The common line, read in one pass: spaces or tabs, a plain decimal
     * ({@code [+-]digits[.digits][(e|E)[+-]digits]}, a digit before or after the point), spaces or
     * tabs, and \n or \r\n, all before {@code limit}. Up to 2^53 with at most 18 digits and a power
     * of ten up to 10^22 either way, the value is one multiplication or division of two exact
     * doubles, so correctly rounded (Clinger 1990, "How to read floating point numbers accurately",
     * PLDI); else FastDoubleParser converts it. Returns the index after the line, or −1 when the line
     * is anything else (left to {@link #line}, which reads it or says what is wrong).
     */
    private int plainLine(byte[] bytes, int p, int limit) {
        int i = p;
        while (i < limit && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        int numberStart = i;
        boolean negative = false;
        if (i < limit && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        while (i < limit && isDigit(bytes[i])) {
            mantissa = 10 * mantissa + (bytes[i++] - '0');
            digits++;
        }
        if (i < limit && bytes[i] == '.') {
            i++;
            while (i < limit && isDigit(bytes[i])) {
                mantissa = 10 * mantissa + (bytes[i++] - '0');
                digits++;
                scale++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        int exponent = 0;
        if (i < limit && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            boolean negativeExponent = i < limit && bytes[i] == '-';
            if (i < limit && (bytes[i] == '-' || bytes[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < limit && isDigit(bytes[i]) && exponentDigits < 6) {
                exponent = 10 * exponent + (bytes[i++] - '0');
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return -1;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        int numberEnd = i;
        while (i < limit && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        int next;
        if (i < limit && bytes[i] == '\n') {
            next = i + 1;
        } else if (i + 1 < limit && bytes[i] == '\r' && bytes[i + 1] == '\n') {
            next = i + 2;
        } else {
            return -1;
        }
        int power = exponent - scale;
        double x;
        if (digits <= 18 && mantissa <= 1L << 53 && power >= -22 && power <= 22) {
            x = power < 0 ? mantissa / POWERS_OF_TEN[-power] : mantissa * POWERS_OF_TEN[power];
            x = negative ? -x : x;
        } else {
            x = fastDoubleParser(bytes, numberStart, numberEnd);
            if (!Double.isFinite(x)) {
                return -1;
            }
        }
        lineNumber++;
        store(x);
        return next;
    }

    /** 10^0 to 10^22, every one exact in a double. */
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int k = 1; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = POWERS_OF_TEN[k - 1] * 10;
        }
    }

    /** One line, bytes [from, to) without its terminator. */
    private void line(byte[] bytes, int from, int to) {
        lineNumber++;
        if (lineNumber == 1 && to - from >= 3 && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF) {
            from += 3; // the UTF-8 byte order mark
        }
        // As String.trim(): no byte up to a space at either end.
        while (from < to && (bytes[from] & 0xFF) <= ' ') {
            from++;
        }
        while (to > from && (bytes[to - 1] & 0xFF) <= ' ') {
            to--;
        }
        if (from == to) {
            if (blankAt == 0) {
                blankAt = lineNumber;
            }
            return;
        }
        if (blankAt != 0) {
            throw new FormatException(source, blankAt, 0, "", "an empty line inside the value list; line x + 1"
                    + " holds the value of coalition x, so no line may be skipped");
        }
        double x = isPlainDecimal(bytes, from, to) ? fastDoubleParser(bytes, from, to) : parseOther(bytes, from, to);
        if (!Double.isFinite(x)) {
            throw new FormatException(source, lineNumber, 1, "", "expected a finite number, found ("
                    + text(bytes, from, to) + ")");
        }
        if (lineNumber == 1 && x != 0) {
            throw new FormatException(source, 1, 1, "", "line 1 is the value of the empty coalition and must be 0,"
                    + " found (" + text(bytes, from, to) + ")");
        }
        store(x);
    }

    private void store(double x) {
        if (count == values.length) {
            if (values.length >= 1 << TableGame.MAX_PLAYERS) {
                throw new FormatException(source, lineNumber, 0, "", "more than 2^" + TableGame.MAX_PLAYERS
                        + " lines: too many players");
            }
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[count++] = x;
    }

    /** Whether [from, to) is [+-]digits[.digits][(e|E)[+-]digits] with a digit before or after the point. */
    static boolean isPlainDecimal(byte[] bytes, int from, int to) {
        int i = from;
        if (bytes[i] == '+' || bytes[i] == '-') {
            i++;
        }
        int digits = 0;
        while (i < to && isDigit(bytes[i])) {
            i++;
            digits++;
        }
        if (i < to && bytes[i] == '.') {
            i++;
            while (i < to && isDigit(bytes[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < to && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < to && isDigit(bytes[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == to;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** A plain decimal of at most {@link #FAST_MAX} bytes, by FastDoubleParser. */
    private double fastDoubleParser(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > FAST_MAX) {
            return parseOther(bytes, from, to);
        }
        for (int i = 0; i < length; i++) {
            chars[i] = (char) bytes[from + i];
        }
        try {
            return NumberInput.parseDouble(chars, 0, length, true);
        } catch (NumberFormatException e) {
            return parseOther(bytes, from, to); // say, an exponent of more digits than it takes
        }
    }

    private double parseOther(byte[] bytes, int from, int to) {
        String text = text(bytes, from, to);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new FormatException(source, lineNumber, 1, "", "expected a number (the value of coalition "
                    + (lineNumber - 1) + "), found (" + abbreviate(text) + ")");
        }
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private double[] finish() {
        if (count == 0) {
            throw new FormatException(source, 1, 1, "", "the file is empty; expected 2^n lines, one value per coalition");
        }
        if (count < 2 || Integer.bitCount(count) != 1) {
            int below = Integer.highestOneBit(count);
            throw new FormatException(source, count, 0, "", "found " + count + " values; an ODP-IP file has 2^n"
                    + " lines (one per coalition), e.g. " + Math.max(2, below) + " or " + below * 2);
        }
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}

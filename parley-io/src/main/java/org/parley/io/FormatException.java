package org.parley.io;

/**
 * A user's file is wrong. The message names the file, the line and column, the field (as a path such
 * as {@code parties.rebels.points.strategy}) and what was expected; the CLI prints it as it is,
 * never a stack trace.
 */
public class FormatException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public FormatException(String source, int line, int column, String field, String problem) {
        super(render(source, line, column, field, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    private static String render(String source, int line, int column, String field, String problem) {
        StringBuilder text = new StringBuilder(source == null ? "<input>" : source);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(shorten(field, MAX_FIELD_SHOWN)).append(": ");
        }
        return text.append(shorten(problem, MAX_PROBLEM_SHOWN)).toString();
    }

    /** The longest field path a message shows: 100 levels of a list nested in itself are 300 characters. */
    static final int MAX_FIELD_SHOWN = 160;

    /** The longest problem a message shows; a problem may quote a value of the file, up to 100,000 characters. */
    static final int MAX_PROBLEM_SHOWN = 600;

    /**
     * The text whole when short, else its beginning and end around an ellipsis and the length: a
     * message quotes a short part of a hostile file, never all of it (the accessors keep it all).
     */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String cut = " … (" + text.length() + " characters) … ";
        int tail = max / 4;
        int head = max - tail - cut.length();
        return text.substring(0, boundary(text, head)) + cut + text.substring(boundary(text, text.length() - tail));
    }

    /** An index at most one below {@code at} that does not split a surrogate pair. */
    private static int boundary(String text, int at) {
        return at > 0 && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The path of the field at fault, or "" for the whole file. */
    public String field() {
        return field;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }
}

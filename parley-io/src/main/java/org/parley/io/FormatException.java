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
            text.append(field).append(": ");
        }
        return text.append(problem).toString();
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

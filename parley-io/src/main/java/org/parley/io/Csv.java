package org.parley.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 has them, written and read by Jackson's CSV module: a field
 * is quoted only when it holds a comma, a quote or a line break (Jackson's strict quoting check;
 * its default also quotes any field with a space), lines end in {@code \n}. Numbers for
 * spreadsheets go through {@link #number}.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
    private static final CsvSchema PLAIN = CsvSchema.emptySchema().withLineSeparator("\n");

    private Csv() {}

    /** A table read from CSV: the header and rows of the header's width, each with the line it starts on. */
    public record Table(List<String> header, List<Row> rows) {

        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** The index of a column, or −1. */
        public int column(String name) {
            return header.indexOf(name);
        }
    }

    /** One row of a {@link Table}: its fields and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {

        public Row {
            fields = List.copyOf(fields);
        }

        public String get(int column) {
            return fields.get(column);
        }
    }

    /** A whole document: the header, then the rows, each line ending in {@code \n}. */
    public static String write(List<?> header, List<? extends List<?>> rows) {
        List<List<String>> lines = new ArrayList<>(rows.size() + 1);
        lines.add(texts(header));
        for (List<?> row : rows) {
            lines.add(texts(row));
        }
        try {
            return MAPPER.writer(PLAIN).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write CSV: " + e.getOriginalMessage(), e);
        }
    }

    private static List<String> texts(List<?> fields) {
        List<String> texts = new ArrayList<>(fields.size());
        for (Object value : fields) {
            texts.add(value == null ? "" : value instanceof Double d ? number(d) : String.valueOf(value));
        }
        return texts;
    }

    /**
     * Reads a document whose first line names the columns. Every row must have as many fields as
     * the header; a mistake is a {@link FormatException} naming {@code source}, the line and the
     * column.
     */
    public static Table read(String text, String source) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CsvParser parser = (CsvParser) MAPPER.getFactory().createParser(text)) {
            parser.setSchema(PLAIN);
            // Each row comes as an array of strings (no schema: nothing is typed or renamed).
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    throw at(source, parser.currentTokenLocation(), "expected a row, not " + token);
                }
                // The row's own location is that of its first field (the array's is where the last row ended).
                int line = 0;
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (fields.isEmpty()) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    if (header != null && fields.size() == header.size()) {
                        throw at(source, parser.currentTokenLocation(), "a field past the header's " + header.size()
                                + " columns " + header + "; is a comma inside a field not quoted?");
                    }
                    fields.add(parser.getText());
                }
                if (header == null) {
                    header = fields;
                    continue;
                }
                if (fields.size() < header.size()) {
                    throw new FormatException(source, line, 0, "", fields.size() + " fields; the header names "
                            + header.size() + " columns " + header);
                }
                rows.add(new Row(line, fields));
            }
        } catch (JsonProcessingException e) {
            throw at(source, e.getLocation(), "is not valid CSV: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null) {
            throw new FormatException(source, 0, 0, "", "is empty; expected a header line naming the columns");
        }
        return new Table(header, rows);
    }

    private static FormatException at(String source, JsonLocation location, String problem) {
        return new FormatException(source, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), "", problem);
    }

    /**
     * A number for a spreadsheet: rounded to 10 decimals (0.7000000000000001 is 0.7), without
     * trailing zeros; empty for NaN (not applicable).
     */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String text = new BigDecimal(x).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}

package org.parley.io;

import java.util.List;

/** Comma-separated values as RFC 4180 has them: a field with a comma, quote or line break is quoted. */
public final class Csv {

    private Csv() {}

    /** One line, without its line break. */
    public static String row(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        return line.toString();
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? number(d) : String.valueOf(value);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
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
        String text = new java.math.BigDecimal(x).setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}

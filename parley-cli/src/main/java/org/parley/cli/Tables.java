package org.parley.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain-text tables: columns padded to their widest cell, two spaces apart, no trailing blanks. */
final class Tables {

    private Tables() {}

    /**
     * Prints rows (the first is the header); columns listed in {@code rightAligned} (numbers) are
     * aligned right.
     */
    static void print(List<String[]> rows, PrintWriter out, int... rightAligned) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                boolean right = false;
                for (int r : rightAligned) {
                    right |= r == c;
                }
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(right ? pad + row[c] : row[c] + pad);
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesOnlyFieldsWithACommaAQuoteOrALineBreak() {
        String text = Csv.write(List.of("name", "strategy", "offer", "utility"), List.of(
                Arrays.asList("federation", "time-dependent:e=0.5,ac=const", "defence=pact; front=none", 0.7000000000000001),
                Arrays.asList("union", "say \"no\"", "two\nlines", Double.NaN),
                Arrays.asList(null, "", " lead", -0.0)));
        assertThat(text).isEqualTo("name,strategy,offer,utility\n"
                + "federation,\"time-dependent:e=0.5,ac=const\",defence=pact; front=none,0.7\n"
                + "union,\"say \"\"no\"\"\",\"two\nlines\",\n"
                + ",, lead,0\n");
    }

    @Test
    void readsBackWhatItWrites() {
        List<List<?>> rows = List.of(List.of("a,b", "c\"d", "e\r\nf", "plain"), List.of("", "x", "y", "z"));
        Csv.Table table = Csv.read(Csv.write(List.of("w", "x", "y", "z"), rows), "t.csv");
        assertThat(table.header()).containsExactly("w", "x", "y", "z");
        assertThat(table.column("y")).isEqualTo(2);
        assertThat(table.rows()).extracting(Csv.Row::fields).containsExactly(List.of("a,b", "c\"d", "e\r\nf", "plain"),
                List.of("", "x", "y", "z"));
        // The second row starts on line 4: the first holds a line break.
        assertThat(table.rows()).extracting(Csv.Row::line).containsExactly(2, 4);
    }

    @Test
    void rowsOfTheWrongWidthNameTheLineAndColumn() {
        assertThatThrownBy(() -> Csv.read("a,b,c\n1,2,3\n4,5,6,7\n", "results.csv"))
                .isInstanceOf(FormatException.class)
                .hasMessage("results.csv:3:7: a field past the header's 3 columns [a, b, c]; is a comma inside a field"
                        + " not quoted?");
        assertThatThrownBy(() -> Csv.read("a,b,c\n1,2,3\n\n4,5\n", "results.csv"))
                .hasMessage("results.csv:4: 2 fields; the header names 3 columns [a, b, c]");
        assertThatThrownBy(() -> Csv.read("a,b\n1,\"2\n", "results.csv"))
                .hasMessageStartingWith("results.csv:").hasMessageContaining("is not valid CSV");
        assertThatThrownBy(() -> Csv.read("", "empty.csv")).hasMessage("empty.csv: is empty; expected a header line"
                + " naming the columns");
    }

    @Test
    void numbersAreRoundedForSpreadsheets() {
        assertThat(Csv.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Csv.number(Double.NaN)).isEmpty();
        assertThat(Csv.number(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Csv.number(-1e-12)).isEqualTo("0");
        assertThat(Csv.number(12345678.5)).isEqualTo("12345678.5");
    }
}

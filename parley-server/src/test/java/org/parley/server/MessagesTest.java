package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aShortValueIsQuotedWholeALongOneByItsPrefixAndLength() {
        assertThat(Messages.quote("boulware")).isEqualTo("boulware");
        String long1 = "a".repeat(500);
        assertThat(Messages.quote(long1)).isEqualTo("a".repeat(Messages.QUOTE) + "… (500 characters)");
    }

    @Test
    void aMessageKeepsItsWordsAndLosesTheBulkOfItsQuotedInput() {
        String message = "No built-in scenario (" + "x".repeat(10_000) + "); the built-in scenarios are [a, b].";
        String shortened = Messages.shorten(message);
        assertThat(shortened).startsWith("No built-in scenario (xxx").endsWith("(10000 characters)); the built-in"
                + " scenarios are [a, b].");
        assertThat(shortened.length()).isLessThan(150);
        String plain = "The deadline needs rounds, seconds, or both.";
        assertThat(Messages.shorten(plain)).isEqualTo(plain);
    }

    @Test
    void noMessageIsLongerThanTheLimitWhateverItHolds() {
        String unquoted = "Bad thing: " + "y ".repeat(100_000);
        assertThat(Messages.shorten(unquoted).length()).isLessThanOrEqualTo(Messages.MESSAGE + 10);
        assertThat(Messages.shorten(unquoted)).endsWith("(message cut; 200011 characters)");
    }

    @Test
    void fieldPathsKeepTheirShapeWithMadeUpNamesCut() {
        assertThat(Messages.field("parties.kaldari.player")).isEqualTo("parties.kaldari.player");
        String field = Messages.field("parties." + "k".repeat(5000) + ".player");
        assertThat(field).isEqualTo("parties." + "k".repeat(Messages.NAME) + "….player");
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String emoji = "a".repeat(Messages.QUOTE - 1) + "\uD83D\uDE00" + "b".repeat(100);
        String quoted = Messages.quote(emoji);
        assertThat(quoted).startsWith("a".repeat(Messages.QUOTE - 1) + "…");
    }
}

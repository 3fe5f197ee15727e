package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void aWrittenPartIsWrittenAsTheSameJsonInsideAView() {
        ObjectNode part = Views.MAPPER.createObjectNode();
        part.put("pricing", "market-price").put("points", 41.5).putArray("broken").add("authority — “federal”");
        part.putNull("none");
        ObjectNode asTree = Views.MAPPER.createObjectNode();
        asTree.put("seq", 3).set("score", part);
        asTree.putArray("moves").add(part).add(part);
        ObjectNode asWritten = Views.MAPPER.createObjectNode();
        asWritten.put("seq", 3).set("score", Table.written(part));
        asWritten.putArray("moves").add(Table.written(part)).add(Table.written(part));

        assertThat(Views.json(asWritten)).isEqualTo(Views.json(asTree));
        assertThat(Views.jsonBytes(asWritten)).isEqualTo(Views.jsonBytes(asTree));
    }
}

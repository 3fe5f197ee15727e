package org.parley.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.Rationale;

class PhrasebookTest {

    /* Every kind of reason Parley's strategies give has default lines, and none without a fitting one. */
    @Test
    void everyKindOfReasonHasDefaultLines() throws IllegalAccessException {
        for (Field field : Rationale.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String kind = (String) field.get(null);
                assertThat(Phrasebook.DEFAULTS).as(kind).containsKey(kind);
                Map<String, String> terms = new java.util.HashMap<>();
                Phrasebook.PLACEHOLDERS.forEach(key -> terms.put(key, "x"));
                assertThat(Phrasebook.NONE.render(kind, terms, 0)).as(kind).isNotBlank();
            }
        }
        assertThat(Phrasebook.DEFAULTS.keySet()).hasSize(13);
    }

    @Test
    void rendersTheFactionsLinesFirstWithTheirTerms() {
        Phrasebook phrases = new Phrasebook(Map.of("concession-answered",
                List.of("{party} moved; the Guild follows.", "The Guild answers in kind.")));
        assertThat(phrases.render("concession-answered", Map.of("party", "union"), 0))
                .isEqualTo("union moved; the Guild follows.");
        assertThat(phrases.render("concession-answered", Map.of("party", "union"), 1))
                .isEqualTo("The Guild answers in kind.");
        // Without the term only the line that needs none fits.
        assertThat(phrases.render("concession-answered", Map.of(), 0)).isEqualTo("The Guild answers in kind.");
        // Kinds the faction does not override speak Parley's lines; unknown kinds have none.
        assertThat(phrases.render("hold", Map.of(), 0)).isEqualTo(Phrasebook.DEFAULTS.get("hold").get(0));
        assertThat(phrases.render("a-plugins-own-kind", Map.of(), 0)).isNull();
        // A term holding something that looks like a placeholder or a regex group is quoted as is.
        assertThat(phrases.render("concession-answered", Map.of("party", "$1 {issue}"), 0))
                .isEqualTo("$1 {issue} moved; the Guild follows.");
    }

    @Test
    void badLinesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> new Phrasebook(Map.of("farewell", List.of("Bye.")))).hasMessageContaining(
                "Unknown kind of line (farewell)");
        assertThatThrownBy(() -> Phrasebook.check("Our {reservation} is high.")).hasMessageContaining(
                "Unknown placeholder {reservation}");
        assertThatThrownBy(() -> Phrasebook.check("Open {brace")).hasMessageContaining("Unbalanced brace");
        assertThatThrownBy(() -> Phrasebook.check("two\nlines")).hasMessageContaining("one line");
        assertThatThrownBy(() -> new Phrasebook(Map.of("hold", List.of()))).hasMessageContaining("empty");
    }

    @Test
    void aPersonaIsCheckedAndGivesTheDiplomatsParameters() {
        Persona persona = new Persona(Persona.Style.HARDLINER, 0.8, 0.25);
        assertThat(persona.parameters()).containsExactly(Map.entry("style", "hardliner"), Map.entry("patience", "0.8"),
                Map.entry("reciprocity", "0.25"));
        assertThatThrownBy(() -> new Persona(Persona.Style.PRAGMATIC, 1.2, 0)).hasMessageContaining("patience (1.2)");
        assertThatThrownBy(() -> Persona.Style.of("dove")).hasMessageContaining("Unknown style (dove)");
    }
}

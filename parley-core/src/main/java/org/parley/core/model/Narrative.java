package org.parley.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words around a scenario for the people who play it: a public story everyone reads, and a
 * confidential brief per party that only that party's player may see (Markdown, both). A brief is
 * as private as the party's preferences: it is never sent to another party.
 */
public record Narrative(String story, Map<String, String> briefs) {

    public static final Narrative NONE = new Narrative("", Map.of());

    public Narrative {
        story = story == null ? "" : story;
        briefs = Collections.unmodifiableMap(new LinkedHashMap<>(briefs == null ? Map.of() : briefs));
    }

    /** The party's confidential brief, or "" when the scenario gives none. */
    public String brief(String party) {
        return briefs.getOrDefault(party, "");
    }

    public boolean isEmpty() {
        return story.isBlank() && briefs.values().stream().allMatch(String::isBlank);
    }
}

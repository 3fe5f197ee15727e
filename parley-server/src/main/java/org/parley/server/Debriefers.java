package org.parley.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.core.analysis.Debriefer;
import org.parley.core.model.Scenario;

/**
 * One {@link Debriefer} per scenario, shared by the server's negotiations of it. A debriefer
 * analyses its scenario under the agreement rule once (the frontiers of every winning coalition:
 * tens of milliseconds on a built-in scenario, far more on a large one) and then debriefs each
 * negotiation cheaply, from any thread; without the cache every ended negotiation paid for the
 * whole analysis again, as it ended, in the path of the move that ended it. Keyed by the scenario's
 * text (the same for every negotiation of a built-in scenario or of one upload, also after a
 * reload); the least recently used are dropped beyond {@link #CAPACITY}.
 */
final class Debriefers {

    static final int CAPACITY = 32;

    private final Map<String, Debriefer> byText = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Debriefer> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The debriefer of {@code scenario}, whose text is {@code text} (null: not cached). */
    Debriefer of(Scenario scenario, String text) {
        if (text == null) {
            return new Debriefer(scenario);
        }
        synchronized (byText) {
            Debriefer known = byText.get(text);
            if (known != null) {
                return known;
            }
        }
        // Analysed outside the lock: two tables ending at once may both analyse a new scenario, and
        // then one of the equal results is kept; no one waits behind another scenario's analysis.
        Debriefer made = new Debriefer(scenario);
        synchronized (byText) {
            Debriefer raced = byText.putIfAbsent(text, made);
            return raced != null ? raced : made;
        }
    }
}

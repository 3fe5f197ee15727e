package org.parley.plot;

/**
 * A solution concept's point on a chart: {@code key} identifies it (as in JSON), {@code name} is
 * what the legend says ("Nash" → "Nash point").
 */
public record ConceptPoint(String key, String name, Point point) {

    public ConceptPoint {
        if (key == null || name == null || point == null) {
            throw new IllegalArgumentException("A concept point needs a key, a name and a point; got (" + key + ", " + name
                    + ", " + point + ").");
        }
    }
}

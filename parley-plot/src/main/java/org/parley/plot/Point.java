package org.parley.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A point in a chart: two parties' utilities, or a round and a utility. */
public record Point(double x, double y) {

    /**
     * The points no other point beats on both axes, by increasing x: a frontier of more than two
     * parties seen on two of them. O(n log n).
     */
    public static List<Point> front(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).reversed().thenComparing(Point::y, Comparator.reverseOrder()));
        List<Point> front = new ArrayList<>();
        double bestY = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.y() > bestY) {
                front.add(p);
                bestY = p.y();
            }
        }
        front.sort(Comparator.comparingDouble(Point::x));
        return front;
    }
}

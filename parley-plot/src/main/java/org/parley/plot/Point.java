package org.parley.plot;

/** A point in a chart: two parties' utilities, or a round and a utility. */
public record Point(double x, double y) {}

package org.parley.io;

import java.util.Collections;

/** The hostile inputs of issue 16, for the reader tests of every package. */
public final class HostileTexts {

    private HostileTexts() {}

    /** YAML aliases, each level repeating the last ten times: 10^levels values ("billion laughs" at 9, 700 bytes). */
    public static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append('l').append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*l" + (level - 1)))).append("]\n");
        }
        return yaml.toString();
    }

    /** XML's billion laughs: nine levels of internal entities, each ten of the last. */
    public static String entityBomb() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n");
        for (int level = 1; level <= 9; level++) {
            xml.append(" <!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        return xml.append("]>\n<negotiation_template name=\"&lol9;\">&lol9;</negotiation_template>\n").toString();
    }

    /** A list nested {@code depth} deep, in YAML's and JSON's shared flow syntax. */
    public static String nestedFlow(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** A YAML block list nested {@code depth} deep on one line: "- - - ... x". */
    public static String nestedBlock(int depth) {
        return "- ".repeat(depth) + "x\n";
    }

    /** A GENIUS domain whose objectives nest {@code depth} deep. */
    public static String nestedXml(int depth) {
        return "<negotiation_template>" + "<objective>".repeat(depth) + "</objective>".repeat(depth)
                + "</negotiation_template>";
    }
}

package org.parley.io.genius;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small XML text builder: indented elements, escaped attribute values, numbers as Java prints them. */
final class Xml {

    private final StringBuilder text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element; {@code attributes} alternate name, value. */
    Xml open(String name, Object... attributes) {
        start(name, attributes);
        text.append(">\n");
        open.push(name);
        return this;
    }

    /** Writes an element with no content. */
    Xml empty(String name, Object... attributes) {
        start(name, attributes);
        text.append("/>\n");
        return this;
    }

    Xml comment(String comment) {
        indent();
        text.append("<!-- ").append(comment.replace("--", "- -")).append(" -->\n");
        return this;
    }

    Xml close() {
        String name = open.pop();
        indent();
        text.append("</").append(name).append(">\n");
        return this;
    }

    private void start(String name, Object... attributes) {
        indent();
        text.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            text.append(' ').append(attributes[i]).append("=\"").append(escape(String.valueOf(attributes[i + 1])))
                    .append('"');
        }
    }

    private void indent() {
        text.append("    ".repeat(open.size()));
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("Unclosed elements: " + open);
        }
        return text.toString();
    }
}

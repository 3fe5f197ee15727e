package org.parley.io.genius;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.io.FormatException;

/**
 * One element of an XML file with the line and column it starts at and its path from the root
 * (such as {@code utility_space/objective/issue[2]}), so that every complaint can point at it.
 * Attribute and element names are kept as written; lookups ignore case, as GENIUS files are not
 * consistent about it.
 */
final class XmlElement {

    private final String source;
    private final String name;
    private final String path;
    private final int line;
    private final int column;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();

    XmlElement(String source, String name, String path, int line, int column, Map<String, String> attributes) {
        this.source = source;
        this.name = name;
        this.path = path;
        this.line = line;
        this.column = column;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    void add(XmlElement child) {
        children.add(child);
    }

    String source() {
        return source;
    }

    String name() {
        return name;
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    boolean is(String elementName) {
        return name.equalsIgnoreCase(elementName);
    }

    List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    List<XmlElement> children(String elementName) {
        return children.stream().filter(child -> child.is(elementName)).toList();
    }

    XmlElement child(String elementName) {
        for (XmlElement child : children) {
            if (child.is(elementName)) {
                return child;
            }
        }
        return null;
    }

    /** The attribute's value, or null when absent. */
    String attribute(String attributeName) {
        for (var entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(attributeName)) {
                return entry.getValue();
            }
        }
        return null;
    }

    String requireAttribute(String attributeName) {
        String value = attribute(attributeName);
        if (value == null || value.isBlank()) {
            throw error(attributeName, "the attribute (" + attributeName + ") is required on <" + name + ">");
        }
        return value;
    }

    double doubleAttribute(String attributeName) {
        String text = requireAttribute(attributeName).trim();
        try {
            double x = Double.parseDouble(text);
            if (!Double.isFinite(x)) {
                throw error(attributeName, "expected a finite number, found (" + text + ")");
            }
            return x;
        } catch (NumberFormatException e) {
            throw error(attributeName, "expected a number, found (" + text + ")");
        }
    }

    double doubleAttribute(String attributeName, double fallback) {
        return attribute(attributeName) == null ? fallback : doubleAttribute(attributeName);
    }

    long longAttribute(String attributeName) {
        String text = requireAttribute(attributeName).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            try {
                double x = Double.parseDouble(text);
                if (x == Math.rint(x) && Math.abs(x) < 9e15) {
                    return (long) x;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw error(attributeName, "expected an integer, found (" + text + ")");
        }
    }

    /** An error about this element; {@code attributeName} (nullable) names the field at fault. */
    FormatException error(String attributeName, String problem) {
        return new FormatException(source, line, column, attributeName == null ? path : path + "@" + attributeName, problem);
    }

    FormatException error(String problem) {
        return error(null, problem);
    }

    /** "file:line" for warnings. */
    String where() {
        return source + ":" + line;
    }

    String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }
}

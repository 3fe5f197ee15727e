package org.parley.io.genius;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.parley.io.FormatException;
import org.parley.io.ReadLimits;
import org.parley.io.TextFiles;

/**
 * Reads an XML file into {@link XmlElement}s with the JDK's StAX parser, which reports line numbers.
 * Document type declarations are not processed and external entities never resolved (no XXE): a
 * file that refers to an entity fails with an error instead. The parser honours the encoding the
 * file declares and skips a byte-order mark; Windows line ends are normalised by XML itself. The
 * {@link ReadLimits} hold: the file's size, elements nested at most {@link ReadLimits#MAX_DEPTH}
 * deep (each element keeps its path, so depth costs quadratic memory) and attribute lengths.
 */
final class XmlReader {

    private XmlReader() {}

    static XmlElement read(Path file) {
        return read(TextFiles.read(file), file.toString());
    }

    static XmlElement read(byte[] bytes, String source) {
        if (bytes.length > ReadLimits.MAX_DOCUMENT_CHARS) {
            throw new FormatException(source, 0, 0, "", ReadLimits.tooLong(bytes.length, "bytes"));
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new FormatException(source, 1, 1, "", "the file is empty");
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // No DTD at all: no internal entities to expand (billion laughs), no external ones to fetch.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            Deque<XmlElement> open = new ArrayDeque<>();
            Deque<Map<String, Integer>> counts = new ArrayDeque<>();
            XmlElement root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (open.size() >= ReadLimits.MAX_DEPTH) {
                        Location at = reader.getLocation();
                        throw new FormatException(source, at.getLineNumber(), 0, open.peek().path() + "/" + name,
                                ReadLimits.tooDeep("elements"));
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String value = reader.getAttributeValue(i);
                        if (value.length() > ReadLimits.MAX_TEXT_CHARS) {
                            Location at = reader.getLocation();
                            throw new FormatException(source, at.getLineNumber(), 0, (open.isEmpty() ? name
                                    : open.peek().path() + "/" + name) + "@" + reader.getAttributeLocalName(i),
                                    ReadLimits.tooLongText("attribute", value.length()));
                        }
                        attributes.put(reader.getAttributeLocalName(i), value);
                    }
                    String path;
                    if (open.isEmpty()) {
                        path = name;
                    } else {
                        int n = counts.peek().merge(name, 1, Integer::sum);
                        path = open.peek().path() + "/" + name + (n > 1 || name.equals("issue") || name.equals("item")
                                || name.equals("weight") ? "[" + n + "]" : "");
                    }
                    Location at = reader.getLocation();
                    XmlElement element = new XmlElement(source, name, path, at.getLineNumber(), 0, attributes);
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().add(element);
                    }
                    open.push(element);
                    counts.push(new HashMap<>());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                    counts.pop();
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    Location at = reader.getLocation();
                    throw new FormatException(source, at.getLineNumber(), at.getColumnNumber(), "",
                            "the entity (&" + reader.getLocalName() + ";) is not allowed: entities are never resolved");
                }
            }
            if (root == null) {
                throw new FormatException(source, 1, 1, "", "the file has no XML element");
            }
            return root;
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage();
            // The JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message only.
            int cut = message == null ? -1 : message.indexOf("Message: ");
            String problem = cut >= 0 ? message.substring(cut + "Message: ".length()) : String.valueOf(message);
            throw new FormatException(source, at == null ? 0 : Math.max(at.getLineNumber(), 0),
                    at == null ? 0 : Math.max(at.getColumnNumber(), 0), "", "not valid XML: " + problem.strip());
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }
}

package org.parley.io.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.io.FormatException;
import org.parley.io.ReadLimits;
import org.parley.io.TextFiles;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads YAML or JSON text into a {@link Node} tree that keeps lines and columns. JSON goes through
 * Jackson's streaming parser (strict JSON, exact positions); everything else through SnakeYAML
 * Engine (YAML 1.2). A byte-order mark and Windows line ends are accepted; duplicate keys are not.
 */
public final class TreeReader {

    /** Digits in one JSON number: Jackson's default, far beyond a double's 17 significant digits. */
    private static final int NUMBER_CHARS = 1000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(ReadLimits.MAX_DEPTH)
                    .maxStringLength(ReadLimits.MAX_TEXT_CHARS)
                    .maxNameLength(ReadLimits.MAX_TEXT_CHARS)
                    .maxNumberLength(NUMBER_CHARS)
                    .maxDocumentLength(ReadLimits.MAX_DOCUMENT_CHARS)
                    .build())
            .build();

    private TreeReader() {}

    /** Reads a file, choosing JSON for a {@code .json} name and YAML otherwise. */
    public static Node read(Path file) {
        String source = file.toString();
        String text = readText(file);
        boolean json = source.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        return json ? readJson(text, source) : readYaml(text, source);
    }

    /** Reads a file's text as UTF-8, dropping a byte-order mark. */
    public static String readText(Path file) {
        String source = file.toString();
        byte[] bytes = TextFiles.read(file);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
            return stripBom(text);
        } catch (CharacterCodingException e) {
            throw new FormatException(source, 0, 0, "", "is not UTF-8 text");
        }
    }

    static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Reads YAML 1.2 within {@link ReadLimits}: the text's length is checked first, and the tree is
     * built from the parser's events without recursion (see {@link YamlComposer}), so that depth,
     * value length and alias expansion are refused as soon as they pass their limit.
     */
    public static Node readYaml(String text, String source) {
        text = stripBom(text);
        checkLength(text, source);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setCodePointLimit(ReadLimits.MAX_DOCUMENT_CHARS)
                .setBufferSize(yamlBufferSize(text))
                .build();
        try {
            return new YamlComposer(source, settings.getSchema().getScalarResolver())
                    .compose(new Parse(settings).parseString(text));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem();
            if (e.getContext() != null) {
                problem = e.getContext() + ": " + problem;
            }
            throw new FormatException(source, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "", "not valid YAML: " + problem);
        } catch (YamlEngineException e) {
            throw new FormatException(source, 0, 0, "", "not valid YAML: " + e.getMessage());
        }
    }

    /** The most characters the YAML reader takes in one read: {@link #yamlBufferSize}. */
    static final int MAX_YAML_BUFFER = 8 * 1024 * 1024;

    /**
     * How many characters the YAML reader takes from the text at a time: all of it, up to
     * {@link #MAX_YAML_BUFFER}. snakeyaml-engine's reader copies its whole window of unread code
     * points at each read, and a scalar, key or anchor being scanned stays in that window until it
     * ends, so with its default of 1,024 characters a value of n characters costs n²/1,024 copied
     * code points: 4 GB copied and 13 s for one 10^6-character line, before the value could be
     * refused as too long. Read in one go, the text is copied once; past the cap, n²/8 Mi.
     */
    static int yamlBufferSize(String text) {
        return Math.max(1024, Math.min(text.length() + 2, MAX_YAML_BUFFER));
    }

    private static void checkLength(String text, String source) {
        if (text.length() > ReadLimits.MAX_DOCUMENT_CHARS) {
            throw new FormatException(source, 0, 0, "", ReadLimits.tooLong(text.length(), "characters"));
        }
    }

    /**
     * Reads strict JSON within {@link ReadLimits}; Jackson's {@link StreamReadConstraints} enforce
     * the depth and value lengths while it parses, and this reader counts the values.
     */
    public static Node readJson(String text, String source) {
        text = stripBom(text);
        checkLength(text, source);
        JsonParser parser;
        try {
            parser = JSON.createParser(text);
        } catch (IOException e) {
            throw new FormatException(source, 0, 0, "", "cannot be read: " + e.getMessage());
        }
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FormatException(source, 1, 1, "", "the file is empty");
            }
            Node root = new JsonComposer(parser, source).fromJson("");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new FormatException(source, at.getLineNr(), at.getColumnNr(), "",
                        "not valid JSON: unexpected content after the end of the document");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Jackson gives no location with a broken constraint; the parser still knows where it is.
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
            throw new FormatException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    limitProblem(e.getOriginalMessage()));
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            throw new FormatException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid JSON: " + message.lines().findFirst().orElse(message));
        } catch (IOException e) {
            throw new FormatException(source, 0, 0, "", "cannot be read: " + e.getMessage());
        }
    }

    /** Jackson's constraint messages in Parley's words, naming the limit. */
    static String limitProblem(String jackson) {
        String message = jackson == null ? "" : jackson;
        if (message.startsWith("Document nesting depth")) {
            return ReadLimits.tooDeep("lists and objects");
        }
        if (message.startsWith("String value length")) {
            // Jackson checks a long key as a string too.
            return "a text (a value or a key) is longer than the " + ReadLimits.MAX_TEXT_CHARS
                    + " characters Parley reads in one value";
        }
        if (message.startsWith("Name length")) {
            return "a key is longer than the " + ReadLimits.MAX_TEXT_CHARS + " characters Parley reads in one key";
        }
        if (message.startsWith("Number value length")) {
            return "a number is longer than the " + NUMBER_CHARS + " characters Parley reads in one number";
        }
        if (message.startsWith("Document length")) {
            return ReadLimits.tooLong(-1, "characters");
        }
        // A constraint added by a later Jackson: its own words, without the hint at its API.
        int cut = message.indexOf(", from `StreamReadConstraints");
        return "exceeds a reading limit: " + (cut < 0 ? message : message.substring(0, cut) + ")");
    }

    /** Builds the tree of one JSON document, counting its values against {@link ReadLimits#MAX_NODES}. */
    private static final class JsonComposer {
        private final JsonParser parser;
        private final String source;
        private int nodes;

        JsonComposer(JsonParser parser, String source) {
            this.parser = parser;
            this.source = source;
        }

        // Recursion is safe: Jackson refuses nesting beyond ReadLimits.MAX_DEPTH before this descends.
        Node fromJson(String path) throws IOException {
            JsonLocation at = parser.currentTokenLocation();
            int line = at.getLineNr();
            int column = at.getColumnNr();
            if (++nodes > ReadLimits.MAX_NODES) {
                throw new FormatException(source, line, column, path, ReadLimits.tooManyNodes());
            }
            JsonToken token = parser.currentToken();
            switch (token) {
                case START_OBJECT -> {
                    Map<String, Node> entries = Node.newEntries();
                    Map<String, Node> keys = Node.newEntries();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        JsonLocation keyAt = parser.currentTokenLocation();
                        if (entries.containsKey(name)) {
                            throw new FormatException(source, keyAt.getLineNr(), keyAt.getColumnNr(), Node.child(path, name),
                                    "the key (" + name + ") appears twice (first on line " + keys.get(name).line + ")");
                        }
                        String child = Node.child(path, name);
                        keys.put(name, new Node.ScalarNode(source, child, keyAt.getLineNr(), keyAt.getColumnNr(), name,
                                true));
                        parser.nextToken();
                        entries.put(name, fromJson(child));
                    }
                    return new Node.MapNode(source, path, line, column, entries, keys);
                }
                case START_ARRAY -> {
                    List<Node> items = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        items.add(fromJson(path + "[" + items.size() + "]"));
                    }
                    return new Node.ListNode(source, path, line, column, items);
                }
                case VALUE_NULL -> {
                    return new Node.ScalarNode(source, path, line, column, null, false);
                }
                default -> {
                    return new Node.ScalarNode(source, path, line, column, parser.getText(),
                            token == JsonToken.VALUE_STRING);
                }
            }
        }
    }
}

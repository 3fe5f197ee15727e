package org.parley.io.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import org.parley.io.TextFiles;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML or JSON text into a {@link Node} tree that keeps lines and columns. JSON goes through
 * Jackson's streaming parser (strict JSON, exact positions); everything else through SnakeYAML
 * Engine (YAML 1.2). A byte-order mark and Windows line ends are accepted; duplicate keys are not.
 */
public final class TreeReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

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

    public static Node readYaml(String text, String source) {
        text = stripBom(text);
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(100)
                .setAllowRecursiveKeys(false)
                .build();
        Optional<org.snakeyaml.engine.v2.nodes.Node> root;
        try {
            root = new Compose(settings).composeString(text);
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
        if (root.isEmpty()) {
            throw new FormatException(source, 1, 1, "", "the file is empty");
        }
        return fromYaml(root.get(), source, "");
    }

    private static Node fromYaml(org.snakeyaml.engine.v2.nodes.Node node, String source, String path) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
        if (node instanceof MappingNode mapping) {
            Map<String, Node> entries = Node.newEntries();
            Map<String, Node> keys = Node.newEntries();
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = fromYaml(tuple.getKeyNode(), source, path);
                if (!(key instanceof Node.ScalarNode scalarKey) || scalarKey.value() == null) {
                    throw key.error("a key must be a plain text");
                }
                String name = scalarKey.value();
                if (entries.containsKey(name)) {
                    throw new FormatException(source, key.line, key.column, Node.child(path, name),
                            "the key (" + name + ") appears twice (first on line " + keys.get(name).line + ")");
                }
                keys.put(name, new Node.ScalarNode(source, Node.child(path, name), key.line, key.column, name));
                entries.put(name, fromYaml(tuple.getValueNode(), source, Node.child(path, name)));
            }
            return new Node.MapNode(source, path, line, column, entries, keys);
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>();
            for (org.snakeyaml.engine.v2.nodes.Node item : sequence.getValue()) {
                items.add(fromYaml(item, source, path + "[" + items.size() + "]"));
            }
            return new Node.ListNode(source, path, line, column, items);
        } else {
            var scalar = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
            String value = Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
            return new Node.ScalarNode(source, path, line, column, value);
        }
    }

    public static Node readJson(String text, String source) {
        text = stripBom(text);
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FormatException(source, 1, 1, "", "the file is empty");
            }
            Node root = fromJson(parser, source, "");
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new FormatException(source, at.getLineNr(), at.getColumnNr(), "",
                        "not valid JSON: unexpected content after the end of the document");
            }
            return root;
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage();
            throw new FormatException(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "not valid JSON: " + message.lines().findFirst().orElse(message));
        } catch (IOException e) {
            throw new FormatException(source, 0, 0, "", "cannot be read: " + e.getMessage());
        }
    }

    private static Node fromJson(JsonParser parser, String source, String path) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
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
                    keys.put(name, new Node.ScalarNode(source, Node.child(path, name), keyAt.getLineNr(),
                            keyAt.getColumnNr(), name));
                    parser.nextToken();
                    entries.put(name, fromJson(parser, source, Node.child(path, name)));
                }
                return new Node.MapNode(source, path, line, column, entries, keys);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(fromJson(parser, source, path + "[" + items.size() + "]"));
                }
                return new Node.ListNode(source, path, line, column, items);
            }
            case VALUE_NULL -> {
                return new Node.ScalarNode(source, path, line, column, null);
            }
            default -> {
                return new Node.ScalarNode(source, path, line, column, parser.getText());
            }
        }
    }
}

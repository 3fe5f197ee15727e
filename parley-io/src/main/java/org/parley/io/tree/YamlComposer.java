package org.parley.io.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.io.FormatException;
import org.parley.io.ReadLimits;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds a {@link Node} tree from SnakeYAML's parser events with an explicit stack, keeping
 * {@link ReadLimits}. SnakeYAML's own composer recurses once per level (a list nested 200,000 deep
 * overflows the stack) and shares an anchored node between its aliases, which a tree with a path per
 * node must copy: nine levels of ten aliases each ("billion laughs") stand for 10^9 nodes. Here depth
 * is checked as each list or mapping opens, and an alias is charged everything it repeats before it is
 * copied ({@link ReadLimits#MAX_ALIAS_NODES} for all aliases together), so a hostile document fails on
 * the event that passes a limit, after work linear in its length plus at most that many copies.
 */
final class YamlComposer {

    private static final String STR = Tag.STR.getValue();

    private final String source;
    private final ScalarResolver resolver;
    private final Deque<Frame> open = new ArrayDeque<>();
    private final Map<Anchor, Anchored> anchors = new HashMap<>();
    private long nodes;
    private long aliased;
    private Node root;

    /** A node stored under an anchor: its tree, how many nodes it holds, and how deep it reaches. */
    private record Anchored(Node node, long size, int height) {}

    /** A list or mapping being filled. */
    private static final class Frame {
        final String path;
        final int line;
        final int column;
        final Optional<Anchor> anchor;
        final boolean mapping;
        final List<Node> items = new ArrayList<>();
        final Map<String, Node> entries = Node.newEntries();
        final Map<String, Node> keys = Node.newEntries();
        /** A mapping's key waiting for its value. */
        Node.ScalarNode key;
        /** Nodes inside so far, and how deep below this frame they reach (for anchors). */
        long size = 1;
        int height = 1;

        Frame(String path, int line, int column, Optional<Anchor> anchor, boolean mapping) {
            this.path = path;
            this.line = line;
            this.column = column;
            this.anchor = anchor;
            this.mapping = mapping;
        }
    }

    YamlComposer(String source, ScalarResolver resolver) {
        this.source = source;
        this.resolver = resolver;
    }

    /** The one document of the stream; events are pulled one by one, so a limit stops the parser too. */
    Node compose(Iterable<Event> events) {
        boolean seenDocument = false;
        for (Event event : events) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    if (seenDocument) {
                        throw error(event.getStartMark(), "", "expected one YAML document, found a second one (a line"
                                + " with ---); write one scenario per file");
                    }
                    seenDocument = true;
                }
                case Scalar, SequenceStart, MappingStart, Alias -> checkNames((NodeEvent) event);
                default -> {
                    // Only node events carry anchor, alias and tag names.
                }
            }
            switch (event.getEventId()) {
                case Scalar -> scalar((ScalarEvent) event);
                case SequenceStart, MappingStart -> start((CollectionStartEvent) event);
                case SequenceEnd, MappingEnd -> end();
                case Alias -> alias((AliasEvent) event);
                default -> {
                    // Stream start and end, document end, comments: nothing to build.
                }
            }
        }
        if (root == null) {
            throw new FormatException(source, 1, 1, "", "the file is empty");
        }
        return root;
    }

    /**
     * An anchor or alias name (and a tag) is text of the document like a value, and held as long as
     * the document is read: the same bound as a value.
     */
    private void checkNames(NodeEvent event) {
        Optional<Anchor> anchor = event instanceof AliasEvent alias ? Optional.of(alias.getAlias()) : event.getAnchor();
        if (anchor.isPresent() && anchor.get().getValue().length() > ReadLimits.MAX_TEXT_CHARS) {
            throw error(event.getStartMark(), "", ReadLimits.tooLongText("anchor name (&name or *name)",
                    anchor.get().getValue().length()));
        }
        Optional<String> tag = event instanceof ScalarEvent scalar ? scalar.getTag()
                : event instanceof CollectionStartEvent start ? start.getTag() : Optional.empty();
        if (tag.isPresent() && tag.get().length() > ReadLimits.MAX_TEXT_CHARS) {
            throw error(event.getStartMark(), "", ReadLimits.tooLongText("tag (!name)", tag.get().length()));
        }
    }

    private void scalar(ScalarEvent event) {
        String path = nextPath();
        count(event.getStartMark(), path, 1);
        if (event.getValue().length() > ReadLimits.MAX_TEXT_CHARS) {
            throw error(event.getStartMark(), path, ReadLimits.tooLongText("value", event.getValue().length()));
        }
        Optional<String> tag = event.getTag();
        Tag resolved = tag.isEmpty() || tag.get().equals("!")
                ? resolver.resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                : new Tag(tag.get());
        boolean quoted = !event.isPlain() || tag.filter(STR::equals).isPresent();
        String value = Tag.NULL.equals(resolved) ? null : event.getValue();
        Node.ScalarNode node = new Node.ScalarNode(source, path, line(event), column(event), value, quoted);
        event.getAnchor().ifPresent(anchor -> anchors.put(anchor, new Anchored(node, 1, 0)));
        add(node, 1, 0);
    }

    private void start(CollectionStartEvent event) {
        String path = nextPath();
        if (open.size() >= ReadLimits.MAX_DEPTH) {
            throw error(event.getStartMark(), path, ReadLimits.tooDeep("lists and mappings"));
        }
        count(event.getStartMark(), path, 1);
        event.getAnchor().ifPresent(anchors::remove);
        open.push(new Frame(path, line(event), column(event), event.getAnchor(), event instanceof MappingStartEvent));
    }

    private void end() {
        Frame frame = open.pop();
        Node node = frame.mapping
                ? new Node.MapNode(source, frame.path, frame.line, frame.column, frame.entries, frame.keys)
                : new Node.ListNode(source, frame.path, frame.line, frame.column, frame.items);
        frame.anchor.ifPresent(anchor -> anchors.put(anchor, new Anchored(node, frame.size, frame.height)));
        add(node, frame.size, frame.height);
    }

    private void alias(AliasEvent event) {
        String path = nextPath();
        Anchored anchored = anchors.get(event.getAlias());
        if (anchored == null) {
            // The parser refuses unknown anchors; an anchor still open is the alias's own ancestor.
            throw error(event.getStartMark(), path, "the alias (*" + event.getAlias() + ") refers to a list or mapping"
                    + " that contains it; a scenario cannot contain itself");
        }
        if (open.size() + anchored.height() > ReadLimits.MAX_DEPTH) {
            throw error(event.getStartMark(), path, ReadLimits.tooDeep("lists and mappings (aliases expanded)"));
        }
        aliased += anchored.size();
        if (aliased > ReadLimits.MAX_ALIAS_NODES) {
            throw error(event.getStartMark(), path, ReadLimits.tooManyAliased());
        }
        count(event.getStartMark(), path, anchored.size());
        add(copy(anchored.node(), path), anchored.size(), anchored.height());
    }

    /** The node at a new path; its size was charged, and its depth is at most {@link ReadLimits#MAX_DEPTH}. */
    private Node copy(Node node, String path) {
        if (node instanceof Node.MapNode map) {
            Map<String, Node> entries = Node.newEntries();
            Map<String, Node> keys = Node.newEntries();
            for (var entry : map.entries().entrySet()) {
                String child = Node.child(path, entry.getKey());
                Node key = map.keyNode(entry.getKey());
                keys.put(entry.getKey(), new Node.ScalarNode(source, child, key.line, key.column, entry.getKey(),
                        key instanceof Node.ScalarNode scalar && scalar.quoted()));
                entries.put(entry.getKey(), copy(entry.getValue(), child));
            }
            return new Node.MapNode(source, path, map.line, map.column, entries, keys);
        }
        if (node instanceof Node.ListNode list) {
            List<Node> items = new ArrayList<>(list.size());
            for (Node item : list.items()) {
                items.add(copy(item, path + "[" + items.size() + "]"));
            }
            return new Node.ListNode(source, path, list.line, list.column, items);
        }
        Node.ScalarNode scalar = (Node.ScalarNode) node;
        return new Node.ScalarNode(source, path, scalar.line, scalar.column, scalar.value(), scalar.quoted());
    }

    /** Where the next node goes: the open list's next index, or the open mapping's pending key. */
    private String nextPath() {
        Frame frame = open.peek();
        if (frame == null) {
            return "";
        }
        if (!frame.mapping) {
            return frame.path + "[" + frame.items.size() + "]";
        }
        return frame.key == null ? frame.path : Node.child(frame.path, frame.key.value());
    }

    private void count(Optional<Mark> mark, String path, long more) {
        nodes += more;
        if (nodes > ReadLimits.MAX_NODES) {
            throw error(mark, path, ReadLimits.tooManyNodes());
        }
    }

    private void add(Node node, long size, int height) {
        Frame frame = open.peek();
        if (frame == null) {
            root = node;
            return;
        }
        frame.size += size;
        frame.height = Math.max(frame.height, height + 1);
        if (!frame.mapping) {
            frame.items.add(node);
        } else if (frame.key == null) {
            if (!(node instanceof Node.ScalarNode key) || key.value() == null) {
                throw node.error("a key must be a plain text");
            }
            String name = key.value();
            if (frame.entries.containsKey(name)) {
                throw new FormatException(source, key.line, key.column, Node.child(frame.path, name),
                        "the key (" + name + ") appears twice (first on line " + frame.keys.get(name).line + ")");
            }
            frame.key = key;
        } else {
            String name = frame.key.value();
            // The key's path is its value's: one string for both.
            frame.keys.put(name, new Node.ScalarNode(source, node.path, frame.key.line, frame.key.column, name,
                    frame.key.quoted()));
            frame.entries.put(name, node);
            frame.key = null;
        }
    }

    private FormatException error(Optional<Mark> mark, String path, String problem) {
        return new FormatException(source, mark.map(m -> m.getLine() + 1).orElse(0),
                mark.map(m -> m.getColumn() + 1).orElse(0), path, problem);
    }

    private static int line(NodeEvent event) {
        return event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static int column(NodeEvent event) {
        return event.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    }
}

package org.parley.io.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.FormatException;

/**
 * The one JSON form of the engine's records: settings, events, results and whole negotiation
 * records, as written by {@code parley run --json}, stored in the record database and exported by
 * {@code parley export}. The format is documented in docs/records.md; the mapping itself is
 * Jackson data binding with mix-ins ({@link RecordMapping}), so the core's types carry no JSON.
 *
 * <p>Outcomes are readable maps from issue name to option name (discrete issues) or number
 * (integer and real issues), so a codec is bound to the scenario's {@link Domain}; settings need
 * no domain. Reading what was written gives an equal value: doubles are written in their shortest
 * exact form, and a utility of NaN (an event that concerns no outcome) is left out. A mistake in
 * what is read is a {@link FormatException} naming the path of the bad field
 * ({@code events[3].outcome.defence}) and what was expected.
 *
 * <p>Thread-safe: it holds only the domain and Jackson's shared, immutable mapper, readers and writers.
 */
public final class NegotiationJson {

    private static final ObjectMapper MAPPER = RecordMapping.mapper();

    /** The field of a result that holds its debrief. */
    public static final String DEBRIEF = "debrief";

    private final Domain domain;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final DebriefMapping debriefs;

    private NegotiationJson(Domain domain) {
        this.domain = domain;
        this.writer = MAPPER.writer().withAttribute(Domain.class, domain);
        this.reader = MAPPER.reader().withAttribute(Domain.class, domain);
        this.debriefs = new DebriefMapping(this);
    }

    /** A codec for records of negotiations over {@code domain}. */
    public static NegotiationJson of(Domain domain) {
        if (domain == null) {
            throw new IllegalArgumentException("A negotiation codec needs the scenario's domain.");
        }
        return new NegotiationJson(domain);
    }

    public Domain domain() {
        return domain;
    }

    // ---------------------------------------------------------------------------------------------
    // Text

    public String write(NegotiationRecord record) {
        return text(writer, record);
    }

    public NegotiationRecord readRecord(String json) {
        return read(reader, NegotiationRecord.class, json, "negotiation record");
    }

    /** Reads a record; a mistake names {@code source} (a file name, say). */
    public NegotiationRecord readRecord(String json, String source) {
        try {
            return read(reader, NegotiationRecord.class, json, source);
        } catch (FormatException e) {
            throw new FormatException(source, e.line(), e.column(), e.field(), e.problem());
        }
    }

    public String write(Event event) {
        return text(writer, event);
    }

    public Event readEvent(String json) {
        return read(reader, Event.class, json, "event");
    }

    public String write(Result result) {
        return text(writer, result);
    }

    public Result readResult(String json) {
        return read(reader, Result.class, json, "result");
    }

    /**
     * The result with its debrief beside its own fields, as {@code result} of a record with a
     * debrief (docs/records.md) and as the record store keeps it; without a debrief (null), {@link
     * #write(Result)}.
     */
    public String write(Result result, NegotiationDebrief debrief) {
        if (debrief == null) {
            return write(result);
        }
        ObjectNode node = (ObjectNode) tree(result);
        node.set(DEBRIEF, debriefNode(debrief));
        return text(node);
    }

    /**
     * The debrief kept with a result ({@link #write(Result, NegotiationDebrief)}); empty for a
     * result without one (every record written before debriefs existed).
     */
    public Optional<NegotiationDebrief> readDebrief(String resultJson) {
        JsonNode node = parse(resultJson, "result");
        JsonNode debrief = node.get(DEBRIEF);
        return debrief == null || debrief.isNull() ? Optional.empty() : Optional.of(debrief(debrief, DEBRIEF));
    }

    /** The debrief in {@code result.debrief} of a whole record's JSON; empty when it has none. */
    public Optional<NegotiationDebrief> readRecordDebrief(String recordJson) {
        JsonNode debrief = parse(recordJson, "negotiation record").path("result").get(DEBRIEF);
        return debrief == null || debrief.isNull() ? Optional.empty()
                : Optional.of(debrief(debrief, "result." + DEBRIEF));
    }

    public static String write(NegotiationSettings settings) {
        return text(MAPPER.writer(), settings);
    }

    public static NegotiationSettings readSettings(String json) {
        return read(MAPPER.reader(), NegotiationSettings.class, json, "settings");
    }

    /** Compact JSON text of a tree. */
    public static String text(JsonNode node) {
        return text(MAPPER.writer(), node);
    }

    /** Indented JSON text of a tree, for people. */
    public static String pretty(JsonNode node) {
        return text(MAPPER.writerWithDefaultPrettyPrinter(), node);
    }

    /** Parses JSON text into a tree; a syntax error names {@code what} and the line. */
    public static JsonNode parse(String json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new FormatException(what, 0, 0, "", "is empty; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw syntax(e, what);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Trees, for embedding in larger documents

    public ObjectNode recordNode(NegotiationRecord record) {
        return (ObjectNode) tree(record);
    }

    /** {@link #recordNode(NegotiationRecord)} with the debrief in {@code result.debrief} (none when null). */
    public ObjectNode recordNode(NegotiationRecord record, NegotiationDebrief debrief) {
        ObjectNode node = recordNode(record);
        if (debrief != null && node.get("result") instanceof ObjectNode result) {
            result.set(DEBRIEF, debriefNode(debrief));
        }
        return node;
    }

    /** A debrief as JSON (docs/records.md, "Debriefs"): NaN figures as null, outcomes by name. */
    public ObjectNode debriefNode(NegotiationDebrief debrief) {
        return debriefs.write(debrief);
    }

    /** Reads a debrief from a tree; a mistake names the field under {@code path}. */
    public NegotiationDebrief debrief(JsonNode node, String path) {
        return debriefs.read(node, path);
    }

    /** An outcome as issue name → option name (discrete) or number (integer, real), in issue order. */
    public ObjectNode outcomeNode(Outcome outcome) {
        return (ObjectNode) tree(outcome);
    }

    /** Reads an outcome from a tree; a mistake names the field under {@code path}. */
    public Outcome outcome(JsonNode node, String path) {
        try (JsonParser parser = MAPPER.treeAsTokens(node)) {
            return reader.forType(Outcome.class).readValue(parser);
        } catch (IOException | RuntimeException e) {
            throw problem(e, path);
        }
    }

    /** The action's name in JSON: offer, accept, reject, ratify, walk-away, misbehaviour. */
    public static String actionName(Action action) {
        return RecordMapping.ActionName.of(action).key();
    }

    /** A strategy spec as JSON: its text, or an object when the text would not read back equal. */
    static JsonNode strategyNode(StrategySpec spec) {
        return MAPPER.valueToTree(spec);
    }

    static StrategySpec strategy(JsonNode node, String path) {
        try (JsonParser parser = MAPPER.treeAsTokens(node)) {
            return MAPPER.readerFor(StrategySpec.class).readValue(parser);
        } catch (IOException | RuntimeException e) {
            throw problem(e, path);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private JsonNode tree(Object value) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            writer.writeValue(buffer, value);
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON: " + e.getMessage(), e);
        }
    }

    private static String text(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof IllegalArgumentException wrong) {
                throw wrong;
            }
            throw new IllegalStateException("Cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(ObjectReader reader, Class<T> type, String json, String what) {
        if (json == null || json.isBlank()) {
            throw new FormatException(what, 0, 0, "", "is empty; expected a JSON object");
        }
        try {
            return reader.forType(type).readValue(json);
        } catch (StreamReadException e) {
            throw syntax(e, what);
        } catch (IOException | RuntimeException e) {
            throw problem(e, "");
        }
    }

    private static FormatException syntax(JsonProcessingException e, String what) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return new FormatException(what, line, column, "", "is not valid JSON: " + e.getOriginalMessage());
    }

    /**
     * A field that does not map: the path Jackson tracked (under {@code prefix}), and what was
     * expected there, in the words of the check that failed — the core's constructors and this
     * module's deserializers say it best; Jackson's own type checks are put into the same words.
     */
    private static FormatException problem(Exception e, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        if (e instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
        }
        IllegalArgumentException cause = illegalArgument(e);
        String problem;
        if (cause != null) {
            if (cause instanceof RecordMapping.FieldProblem field) {
                path.append(path.isEmpty() ? "" : ".").append(field.field);
            }
            problem = cause.getMessage();
        } else if (e instanceof InvalidNullException) {
            problem = "missing";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Missing required creator property")) {
            problem = "missing"; // the path ends in the missing field's name
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String field = lastField(path.toString());
            problem = "unknown " + field + " (" + format.getValue() + "); expected "
                    + choices(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "expected " + describe(mismatch.getTargetType())
                    + (e instanceof InvalidFormatException format ? ", not " + format.getValue() : "");
        } else if (e instanceof DatabindException databind) {
            problem = databind.getOriginalMessage();
        } else {
            problem = String.valueOf(e.getMessage());
        }
        return new FormatException("negotiation JSON", 0, 0, path.toString(), problem);
    }

    private static IllegalArgumentException illegalArgument(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException argument) {
                return argument;
            }
        }
        return null;
    }

    private static String lastField(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.isEmpty() ? "value" : last;
    }

    /** The enum's JSON names as "a, b or c". */
    private static String choices(Class<?> type) {
        List<String> names = Arrays.stream(type.getEnumConstants())
                .map(constant -> MAPPER.convertValue(constant, String.class)).toList();
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        } else if (type == double.class || type == Double.class) {
            return "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        } else if (type.isEnum()) {
            return "one of " + choices(type);
        }
        return "an object";
    }

}

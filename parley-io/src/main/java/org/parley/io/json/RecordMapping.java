package org.parley.io.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.EnumNamingStrategies;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.EnumNaming;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Rationale;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;

/**
 * How the engine's record types map to JSON, declared with Jackson mix-ins so that parley-core
 * stays free of Jackson. The records map field for field (creators and property order below); an
 * event is flattened through {@link EventJson}; outcomes need the scenario's {@link Domain},
 * passed as the per-call attribute {@code Domain.class}; strategy specs, durations and protocols
 * are written as text. Reading is strict about types (no "1" for 1, no 1.5 for a whole number) and
 * lenient about unknown fields, as the hand-built reader it replaced was.
 */
final class RecordMapping {

    private RecordMapping() {}

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("parley-records");
        module.addSerializer(Outcome.class, new OutcomeSerializer());
        module.addDeserializer(Outcome.class, new OutcomeDeserializer());
        module.addSerializer(StrategySpec.class, new StrategySerializer());
        module.addDeserializer(StrategySpec.class, new StrategyDeserializer());
        module.addSerializer(Duration.class, ToStringSerializer.instance);
        module.addDeserializer(Duration.class, new DurationDeserializer());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(module)
                .addMixIn(NegotiationRecord.class, RecordMixIn.class)
                .addMixIn(NegotiationSettings.class, SettingsMixIn.class)
                .addMixIn(Deadline.class, DeadlineMixIn.class)
                .addMixIn(Result.class, ResultMixIn.class)
                .addMixIn(Result.Payoff.class, PayoffMixIn.class)
                .addMixIn(Result.Ending.class, KebabCase.class)
                .addMixIn(Action.Misbehaviour.Reason.class, KebabCase.class)
                .addMixIn(Event.class, EventMixIn.class)
                .addMixIn(Rationale.class, RationaleMixIn.class)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Off, so that an absent round limit reads as 0; required numbers say Nulls.FAIL.
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        // No "1" for 1, no 1 for "1", no "true" for true: a record that says otherwise is wrong.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    // ---- the records, field for field ----------------------------------------------------------

    @JsonPropertyOrder({"scenario", "settings", "events", "result"})
    abstract static class RecordMixIn {
        @JsonCreator
        RecordMixIn(@JsonProperty(value = "scenario", required = true) @JsonSetter(nulls = Nulls.FAIL) String scenario,
                @JsonProperty(value = "settings", required = true) @JsonSetter(nulls = Nulls.FAIL)
                        NegotiationSettings settings,
                @JsonProperty(value = "events", required = true) @JsonSetter(nulls = Nulls.FAIL) List<Event> events,
                @JsonProperty("result") Result result) {}
    }

    /** {@code trust} (each party's trust in the others, in a world) left out when there is none. */
    @JsonPropertyOrder({"protocol", "deadline", "strategies", "seed", "moveTimeLimit", "trust"})
    abstract static class SettingsMixIn {
        @JsonCreator
        SettingsMixIn(@JsonProperty(value = "protocol", required = true) @JsonSetter(nulls = Nulls.FAIL)
                        @JsonDeserialize(using = ProtocolDeserializer.class) String protocol,
                @JsonProperty(value = "deadline", required = true) @JsonSetter(nulls = Nulls.FAIL) Deadline deadline,
                @JsonProperty(value = "strategies", required = true) @JsonSetter(nulls = Nulls.FAIL)
                        Map<String, StrategySpec> strategies,
                @JsonProperty(value = "seed", required = true) @JsonSetter(nulls = Nulls.FAIL) long seed,
                @JsonProperty("moveTimeLimit") Duration moveTimeLimit,
                @JsonProperty("trust") Map<String, Map<String, Double>> trust) {}

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Duration moveTimeLimit();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, Map<String, Double>> trust();
    }

    /** {@code rounds} left out for no round limit, {@code time} for no time limit. */
    @JsonPropertyOrder({"rounds", "time"})
    abstract static class DeadlineMixIn {
        @JsonCreator
        DeadlineMixIn(@JsonProperty("rounds") int rounds, @JsonProperty("time") Duration time) {}

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract int rounds();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract Duration time();
    }

    @JsonPropertyOrder({"agreement", "outcome", "signers", "payoffs", "rounds", "time", "ending", "reason"})
    abstract static class ResultMixIn {
        @JsonCreator
        ResultMixIn(@JsonProperty(value = "agreement", required = true) @JsonSetter(nulls = Nulls.FAIL) boolean agreement,
                @JsonProperty("outcome") Outcome outcome,
                @JsonProperty(value = "signers", required = true) @JsonSetter(nulls = Nulls.FAIL) List<String> signers,
                @JsonProperty(value = "payoffs", required = true) @JsonSetter(nulls = Nulls.FAIL)
                        Map<String, Result.Payoff> payoffs,
                @JsonProperty(value = "rounds", required = true) @JsonSetter(nulls = Nulls.FAIL) int rounds,
                @JsonProperty(value = "time", required = true) @JsonSetter(nulls = Nulls.FAIL) double time,
                @JsonProperty(value = "ending", required = true) @JsonSetter(nulls = Nulls.FAIL) Result.Ending ending,
                @JsonProperty("reason") String reason) {}
    }

    @JsonPropertyOrder({"utility", "discounted"})
    abstract static class PayoffMixIn {
        @JsonCreator
        PayoffMixIn(@JsonProperty(value = "utility", required = true) @JsonSetter(nulls = Nulls.FAIL) double utility,
                @JsonProperty(value = "discounted", required = true) @JsonSetter(nulls = Nulls.FAIL) double discounted) {}
    }

    /** A protocol by its registered key ({@code sao}); an unknown one is the registry's message. */
    static final class ProtocolDeserializer extends StdDeserializer<String> {
        ProtocolDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return Protocols.get(parser.getText()).key();
        }
    }

    /** Enum constants as {@code walk-away}, {@code invalid-move}. */
    @EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
    abstract static class KebabCase {}

    // ---- events: the action flattened into the event ----------------------------------------

    @JsonSerialize(converter = EventJson.FromEvent.class)
    @JsonDeserialize(converter = EventJson.ToEvent.class)
    abstract static class EventMixIn {}

    /** The action's name in JSON. */
    @EnumNaming(EnumNamingStrategies.KebabCaseStrategy.class)
    enum ActionName {
        OFFER, ACCEPT, REJECT, RATIFY, WALK_AWAY, MISBEHAVIOUR;

        static ActionName of(Action action) {
            if (action instanceof Action.Offer) {
                return OFFER;
            } else if (action instanceof Action.Accept) {
                return ACCEPT;
            } else if (action instanceof Action.Reject) {
                return REJECT;
            } else if (action instanceof Action.Ratify) {
                return RATIFY;
            } else if (action instanceof Action.WalkAway) {
                return WALK_AWAY;
            }
            return MISBEHAVIOUR;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A rationale field for field; a rationale without terms or figures leaves them out. */
    @JsonPropertyOrder({"kind", "terms", "figures"})
    abstract static class RationaleMixIn {
        @JsonCreator
        RationaleMixIn(@JsonProperty(value = "kind", required = true) @JsonSetter(nulls = Nulls.FAIL) String kind,
                @JsonProperty("terms") Map<String, String> terms,
                @JsonProperty("figures") Map<String, Double> figures) {}

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, String> terms();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract Map<String, Double> figures();
    }

    /**
     * An event as it is written: the action's name, then its kind and reason (a misbehaviour) or
     * its outcome; the utility is left out when there is none (NaN), the message and the rationale
     * when the party gave none (and in every record written before actions carried them).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"round", "time", "party", "action", "kind", "reason", "outcome", "utility", "message",
        "rationale"})
    record EventJson(
            @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) int round,
            @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) double time,
            @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) String party,
            @JsonProperty(required = true) @JsonSetter(nulls = Nulls.FAIL) ActionName action,
            Action.Misbehaviour.Reason kind,
            String reason,
            Outcome outcome,
            Double utility,
            String message,
            Rationale rationale) {

        static final class FromEvent extends StdConverter<Event, EventJson> {
            @Override
            public EventJson convert(Event event) {
                Action action = event.action();
                Action.Misbehaviour misbehaviour = action instanceof Action.Misbehaviour m ? m : null;
                return new EventJson(event.round(), event.time(), event.party(), ActionName.of(action),
                        misbehaviour == null ? null : misbehaviour.reason(),
                        misbehaviour == null ? null : misbehaviour.detail(),
                        misbehaviour == null ? action.outcome() : null,
                        event.hasUtility() ? event.utility() : null, action.message(), action.rationale());
            }
        }

        static final class ToEvent extends StdConverter<EventJson, Event> {
            @Override
            public Event convert(EventJson json) {
                Action action = switch (json.action()) {
                    case OFFER -> new Action.Offer(json.required(json.outcome()), json.rationale(), json.message());
                    case ACCEPT -> new Action.Accept(json.required(json.outcome()), json.rationale(), json.message());
                    case REJECT -> new Action.Reject(json.required(json.outcome()), json.rationale(), json.message());
                    case RATIFY -> new Action.Ratify(json.required(json.outcome()));
                    case WALK_AWAY -> new Action.WalkAway(json.rationale(), json.message());
                    case MISBEHAVIOUR -> {
                        if (json.kind() == null) {
                            throw new FieldProblem("kind", "missing; a misbehaviour is an exception, timeout or"
                                    + " invalid-move");
                        }
                        yield new Action.Misbehaviour(json.kind(), json.reason());
                    }
                };
                return new Event(json.round(), json.time(), json.party(), action,
                        json.utility() == null ? Double.NaN : json.utility());
            }
        }

        private Outcome required(Outcome outcome) {
            if (outcome == null) {
                throw new FieldProblem("outcome", "missing; an " + action.key() + " concerns an outcome");
            }
            return outcome;
        }
    }

    /** A problem with one field of the value being read: the path gets the field's name. */
    static final class FieldProblem extends IllegalArgumentException {
        final String field;

        FieldProblem(String field, String problem) {
            super(problem);
            this.field = field;
        }
    }

    // ---- outcomes: issue → option name or number, by the scenario's domain -------------------

    static Domain domain(Object attribute) {
        if (!(attribute instanceof Domain domain)) {
            throw new IllegalStateException("Outcomes are written and read with the scenario's domain as the"
                    + " attribute Domain.class (NegotiationJson.of(domain) sets it).");
        }
        return domain;
    }

    static final class OutcomeSerializer extends StdSerializer<Outcome> {
        OutcomeSerializer() {
            super(Outcome.class);
        }

        @Override
        public void serialize(Outcome outcome, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Domain domain = domain(provider.getAttribute(Domain.class));
            if (outcome.size() != domain.size()) {
                throw new IllegalArgumentException("The outcome " + outcome + " has " + outcome.size()
                        + " values; the domain has " + domain.size() + " issues " + domain.names() + ".");
            }
            gen.writeStartObject();
            for (int i = 0; i < domain.size(); i++) {
                Issue issue = domain.issue(i);
                double x = outcome.value(i);
                if (issue instanceof DiscreteIssue discrete && discrete.contains(x)) {
                    gen.writeStringField(issue.name(), discrete.option((int) x));
                } else if (issue instanceof IntegerIssue && x == Math.rint(x) && Math.abs(x) < 0x1p53) {
                    gen.writeNumberField(issue.name(), (long) x);
                } else {
                    gen.writeNumberField(issue.name(), x);
                }
            }
            gen.writeEndObject();
        }
    }

    static final class OutcomeDeserializer extends StdDeserializer<Outcome> {
        OutcomeDeserializer() {
            super(Outcome.class);
        }

        @Override
        public Outcome deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Domain domain = domain(ctxt.getAttribute(Domain.class));
            JsonNode node = p.readValueAsTree();
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected an object from issue to option or number, not " + node);
            }
            for (String name : (Iterable<String>) node::fieldNames) {
                if (domain.indexOf(name) < 0) {
                    throw new FieldProblem(name, "unknown issue; the issues are " + domain.names());
                }
            }
            double[] values = new double[domain.size()];
            for (int i = 0; i < domain.size(); i++) {
                Issue issue = domain.issue(i);
                JsonNode value = node.get(issue.name());
                if (value == null || value.isNull()) {
                    throw new FieldProblem(issue.name(), "missing; an outcome gives a value for every issue "
                            + domain.names());
                }
                if (issue instanceof DiscreteIssue discrete) {
                    int index = value.isTextual() ? discrete.indexOf(value.textValue()) : -1;
                    if (index < 0) {
                        throw new FieldProblem(issue.name(), "no option (" + value.asText() + "); the options are "
                                + discrete.options());
                    }
                    values[i] = index;
                } else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                    // Not range-checked: a record is history, read back as the engine wrote it (the
                    // session checks every move against the domain when it is made).
                    values[i] = value.doubleValue();
                } else {
                    throw new FieldProblem(issue.name(), "expected a number, not " + value);
                }
            }
            return new Outcome(values);
        }
    }

    // ---- values written as text -----------------------------------------------------------------

    /** A spec as its usual text ({@code time-dependent:e=0.2}), or as an object when the text would not read back equal. */
    static final class StrategySerializer extends StdSerializer<StrategySpec> {
        StrategySerializer() {
            super(StrategySpec.class);
        }

        @Override
        public void serialize(StrategySpec spec, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String text = spec.toString();
            boolean exact;
            try {
                exact = StrategySpec.parse(text).equals(spec);
            } catch (IllegalArgumentException e) {
                exact = false;
            }
            if (exact) {
                gen.writeString(text);
                return;
            }
            gen.writeStartObject();
            gen.writeStringField("name", spec.name());
            gen.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> parameter : spec.parameters().entrySet()) {
                gen.writeStringField(parameter.getKey(), parameter.getValue());
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    static final class StrategyDeserializer extends StdDeserializer<StrategySpec> {
        StrategyDeserializer() {
            super(StrategySpec.class);
        }

        @Override
        public StrategySpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.readValueAsTree();
            if (node.isTextual()) {
                return StrategySpec.parse(node.textValue());
            }
            JsonNode name = node.get("name");
            if (node.isObject() && name != null && name.isTextual()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                JsonNode given = node.get("parameters");
                if (given != null && !given.isNull()) {
                    if (!given.isObject()) {
                        throw new FieldProblem("parameters", "expected an object from parameter to value, not " + given);
                    }
                    given.properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
                }
                return new StrategySpec(name.textValue(), parameters);
            }
            throw new IllegalArgumentException("expected a strategy such as \"boulware\" or \"time-dependent:e=0.2\","
                    + " not " + node);
        }
    }

    static final class DurationDeserializer extends StdDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || !p.hasToken(JsonToken.VALUE_STRING)) {
                throw new IllegalArgumentException("expected an ISO-8601 duration such as PT10S, not "
                        + p.readValueAsTree());
            }
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("expected an ISO-8601 duration such as PT10S, not " + text);
            }
        }
    }
}

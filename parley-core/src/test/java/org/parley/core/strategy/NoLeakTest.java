package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Request;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.UtilityFunction;
import org.parley.core.protocol.Protocols;

/**
 * A strategy must never see another party's preferences. Checked twice: the types a strategy is
 * handed cannot name the scenario, a party, the session or the log; and in a real negotiation,
 * everything reachable from what a strategy was handed holds no preferences but its own.
 */
class NoLeakTest {

    private static final Set<Class<?>> FORBIDDEN = Set.of(Scenario.class, Party.class, NegotiationSession.class,
            Event.class, Result.class, NegotiationSettings.class, Negotiation.class, BidSpaceCache.class);

    @Test
    void theTypesAStrategyIsHandedCannotReachOtherParties() {
        List<Class<?>> handed = List.of(Strategy.class, Setup.class, Request.class, Move.class, Action.class,
                Action.Offer.class, Action.Accept.class, Action.Reject.class, Action.WalkAway.class,
                Action.Misbehaviour.class, Action.Ratify.class, BidSpace.class, org.parley.api.StrategyProvider.class,
                StrategyRegistry.Entry.class, StrategyRegistry.Parameter.class, StrategyRegistry.Parameters.class);
        for (Class<?> type : handed) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class) {
                    continue;
                }
                assertThat(mentions(method.getGenericReturnType())).as(method.toString()).isFalse();
                for (Type parameter : method.getGenericParameterTypes()) {
                    assertThat(mentions(parameter)).as(method.toString()).isFalse();
                }
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    assertThat(mentions(component.getGenericType())).as(component.toString()).isFalse();
                }
            }
        }
    }

    private static boolean mentions(Type type) {
        if (type instanceof Class<?> c) {
            return FORBIDDEN.contains(c) || (c.isArray() && mentions(c.getComponentType()));
        }
        if (type instanceof ParameterizedType p) {
            if (mentions(p.getRawType())) {
                return true;
            }
            for (Type argument : p.getActualTypeArguments()) {
                if (mentions(argument)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Records everything it is handed. */
    static final class Spy implements Strategy {
        final List<Object> handed = new ArrayList<>();
        final Strategy inner = new StrategyRegistry().create(StrategySpec.parse("frequency"));

        @Override
        public void start(Setup setup) {
            handed.add(setup);
            inner.start(setup);
        }

        @Override
        public Action act(Request request) {
            handed.add(request);
            Action action = inner.act(request);
            handed.add(action);
            return action;
        }

        @Override
        public void observe(Move move) {
            handed.add(move);
            inner.observe(move);
        }
    }

    @Test
    void inARealNegotiationEachStrategyReachesOnlyItsOwnPreferences() {
        for (String protocol : Protocols.registry().keys()) {
            Scenario scenario = TestScenarios.tavrikAccord();
            Map<String, Spy> spies = new LinkedHashMap<>();
            StrategyRegistry registry = new StrategyRegistry();
            for (String party : scenario.partyNames()) {
                Spy spy = new Spy();
                spies.put(party, spy);
                registry.register(new StrategyRegistry.Entry("spy-" + party, "", Set.of(), p -> spy));
            }
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            scenario.partyNames().forEach(p -> strategies.put(p, new StrategySpec("spy-" + p)));
            var settings = new NegotiationSettings(protocol, org.parley.core.negotiation.Deadline.rounds(30), strategies,
                    3, null);
            Negotiation.start(scenario, settings, registry, new BidSpaceCache()).run();

            for (var entry : spies.entrySet()) {
                Preferences own = scenario.party(entry.getKey()).preferences();
                Map<Object, Boolean> seen = new IdentityHashMap<>();
                for (Object handed : entry.getValue().handed) {
                    walk(handed, seen);
                }
                // The spy's own strategy objects are its business; look only at what it was handed.
                assertThat(entry.getValue().handed).isNotEmpty();
                for (Object reached : seen.keySet()) {
                    assertThat(FORBIDDEN.stream().noneMatch(c -> c.isInstance(reached)))
                            .as(protocol + ": " + entry.getKey() + " reached a " + reached.getClass()).isTrue();
                    if (reached instanceof Preferences p) {
                        assertThat(p).as(protocol + ": " + entry.getKey()).isSameAs(own);
                    }
                    if (reached instanceof UtilityFunction u) {
                        assertThat(u).as(protocol + ": " + entry.getKey()).isSameAs(own.utility());
                    }
                }
                assertThat(seen.keySet()).as("the walk reaches the party's own preferences").contains(own);
            }
        }
    }

    /** Every object reachable through fields, arrays, collections and maps (JDK internals aside). */
    private static void walk(Object root, Map<Object, Boolean> seen) {
        List<Object> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Object o = stack.remove(stack.size() - 1);
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (!type.getComponentType().isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        stack.add(Array.get(o, i));
                    }
                }
            } else if (o instanceof Iterable<?> iterable && !type.getName().startsWith("org.parley")) {
                iterable.forEach(stack::add);
            } else if (o instanceof Map<?, ?> map && !type.getName().startsWith("org.parley")) {
                stack.addAll(map.keySet());
                stack.addAll(map.values());
            } else if (type.getName().startsWith("org.parley")) {
                for (Class<?> c = type; c != null && c.getName().startsWith("org.parley"); c = c.getSuperclass()) {
                    for (Field field : c.getDeclaredFields()) {
                        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                            continue;
                        }
                        field.setAccessible(true);
                        try {
                            stack.add(field.get(o));
                        } catch (IllegalAccessException e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            }
        }
    }
}

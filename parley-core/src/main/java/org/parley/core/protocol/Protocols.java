package org.parley.core.protocol;

import java.util.List;
import org.parley.core.registry.Registry;

/**
 * The protocols Parley can run, by name: the built-ins ({@code sao}, alias {@code saop};
 * {@code amop}; {@code mediated}) and any other {@link ProtocolFactory} registered in
 * {@code META-INF/services/org.parley.core.protocol.ProtocolFactory} on the class path.
 */
public final class Protocols {

    /** The key of the protocol used when none is named: stacked alternating offers. */
    public static final String DEFAULT = "sao";

    private Protocols() {}

    // Loaded on first use and never changed: the class path does not change while Parley runs.
    private static final class Holder {
        static final Registry<ProtocolFactory> REGISTRY = Registry.load(ProtocolFactory.class, "protocol");
    }

    public static Registry<ProtocolFactory> registry() {
        return Holder.REGISTRY;
    }

    /** The protocol with this key or alias; an {@link IllegalArgumentException} listing the keys if none. */
    public static ProtocolFactory get(String name) {
        return registry().get(name);
    }

    /** Every registered protocol: the built-ins first, then the others in class-path order. */
    public static List<ProtocolFactory> all() {
        return registry().all();
    }
}

package org.parley.io.interop;

import java.util.List;
import org.parley.core.registry.Registry;

/**
 * The scenario formats Parley reads and writes, by name: the built-ins ({@code parley}, alias
 * {@code yaml}; {@code genius}, alias {@code xml}; {@code geniusweb}) and any other
 * {@link ScenarioFormat} registered in {@code META-INF/services/org.parley.io.interop.ScenarioFormat}.
 */
public final class ScenarioFormats {

    private ScenarioFormats() {}

    // Loaded on first use and never changed: the class path does not change while Parley runs.
    private static final class Holder {
        static final Registry<ScenarioFormat> REGISTRY = Registry.load(ScenarioFormat.class, "scenario format");
    }

    public static Registry<ScenarioFormat> registry() {
        return Holder.REGISTRY;
    }

    /** The format with this key or alias; an {@link IllegalArgumentException} listing the keys if none. */
    public static ScenarioFormat get(String name) {
        return registry().get(name);
    }

    /** Every registered format: the built-ins first, then the others in class-path order. */
    public static List<ScenarioFormat> all() {
        return registry().all();
    }

    /** The formats that can write a scenario. */
    public static List<ScenarioFormat> writable() {
        return all().stream().filter(ScenarioFormat::writes).toList();
    }
}

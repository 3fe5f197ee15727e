package org.parley.api;

import java.util.List;
import org.parley.core.strategy.StrategyRegistry;

/**
 * What a strategy plugin implements: it names the strategies its jar adds. Parley finds providers
 * with {@link java.util.ServiceLoader}: the jar lists the provider's class name in
 * {@code META-INF/services/org.parley.api.StrategyProvider}, and {@code --agents PATH} (or the
 * environment variable {@code PARLEY_AGENTS}) names the jar or a folder of jars. The provider needs
 * a public constructor without arguments and is asked once, when the jar is loaded.
 *
 * <p>Each entry's name must be new (not a built-in's, not another plugin's); its factory is called
 * for every negotiation a party plays with it and must return a fresh {@link
 * org.parley.core.strategy.Strategy}. A plugin's strategies run exactly as the built-ins do: an
 * exception, a move over the time limit or an invalid move is logged with the reason and puts that
 * party out of the negotiation, which goes on without it.
 */
@Stable
public interface StrategyProvider {

    /** The strategies this plugin adds, each with its parameters and their defaults. */
    List<StrategyRegistry.Entry> strategies();
}

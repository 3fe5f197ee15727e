package org.parley.core.strategy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.parley.api.Stable;
import org.parley.api.StrategyProvider;

/**
 * Loads strategy plugins: jars whose {@link StrategyProvider}s are found with
 * {@link ServiceLoader}. A path is a jar, or a folder whose {@code .jar} files are all loaded (in
 * name order, one class loader for them all, so a plugin may keep its libraries beside it). The
 * class path of Parley itself is searched too, so a provider on it is found without a path.
 *
 * <p>Plugins run in Parley's process with Parley's classes: they get nothing but what the
 * {@link org.parley.api} types hand them, which never lead to another party's preferences.
 */
@Stable
public final class StrategyPlugins {

    private StrategyPlugins() {}

    /**
     * Registers in {@code registry} every strategy of the providers in {@code paths} and on the
     * class path of {@code parent}; returns the jars read. A missing path, a jar that cannot be
     * read, a provider that cannot be made or a strategy name already taken is an
     * {@link IllegalArgumentException} naming the jar or the provider.
     */
    public static List<Path> load(StrategyRegistry registry, List<Path> paths, ClassLoader parent) {
        List<Path> jars = new ArrayList<>();
        for (Path path : paths) {
            jars.addAll(jars(path));
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("The agent jar (" + jars.get(i) + ") has no usable URL: " + e.getMessage());
            }
        }
        // Never closed: the plugins' classes are used until the process ends.
        ClassLoader loader = urls.length == 0 ? parent : new URLClassLoader("parley-agents", urls, parent);
        try {
            for (ServiceLoader.Provider<StrategyProvider> found : ServiceLoader.load(StrategyProvider.class, loader)
                    .stream().toList()) {
                String origin = origin(found.type());
                StrategyProvider provider;
                List<StrategyRegistry.Entry> entries;
                try {
                    provider = found.get();
                    entries = provider.strategies();
                } catch (RuntimeException | LinkageError e) {
                    throw new IllegalArgumentException("The strategy provider " + found.type().getName() + " in " + origin
                            + " failed: " + e, e);
                }
                if (entries == null) {
                    throw new IllegalArgumentException("The strategy provider " + found.type().getName() + " in "
                            + origin + " lists no strategies (null).");
                }
                for (StrategyRegistry.Entry entry : entries) {
                    registry.register(entry, origin);
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("A strategy provider listed in META-INF/services/"
                    + StrategyProvider.class.getName() + " cannot be loaded: " + e.getMessage(), e);
        }
        return jars;
    }

    /** The jars a path names: itself, or a folder's {@code .jar} files in name order. */
    public static List<Path> jars(Path path) {
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                throw new IllegalArgumentException("The agents path (" + path + ") is a file but not a .jar; name a jar or"
                        + " a folder of jars.");
            }
            return List.of(path.toAbsolutePath().normalize());
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("The agents path (" + path + ") does not exist; name a jar or a folder of"
                    + " jars (for an example agent: mvn package in its folder makes target/*.jar).");
        }
        try (Stream<Path> list = Files.list(path)) {
            List<Path> jars = list.filter(p -> Files.isRegularFile(p)
                    && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalArgumentException("The agents folder (" + path + ") holds no .jar file.");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    /** Where a provider was loaded from: its jar's path, else its class name. */
    private static String origin(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName();
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (Exception e) {
            return source.getLocation().toString();
        }
    }
}

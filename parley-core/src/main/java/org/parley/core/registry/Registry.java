package org.parley.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The entries of one kind (protocols, scenario formats) by name, immutable once built. Entries are
 * discovered with {@link ServiceLoader}: an implementation is registered by naming its class in
 * {@code META-INF/services/<interface's binary name>}, so adding one edits no existing file but
 * that list. Names are matched case-insensitively and ignoring '-', '_' and spaces, so
 * {@code GeniusWeb}, {@code genius-web} and {@code geniusweb} are one name; two entries claiming
 * one name is a configuration error, reported when the registry is built. Order: the entries
 * shipped beside the interface (the built-ins) first, then the others in class-path order, each
 * group in its services file's line order; listings keep it.
 */
public final class Registry<T extends Registered> {

    private final String kind;
    private final List<T> entries;
    private final Map<String, T> byName;

    private Registry(String kind, List<T> entries) {
        this.kind = kind;
        this.entries = List.copyOf(entries);
        Map<String, T> names = new LinkedHashMap<>();
        for (T entry : this.entries) {
            String key = entry.key();
            if (key == null || key.isBlank() || !key.equals(key.strip().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("The " + kind + " " + entry.getClass().getName() + " has the key (" + key
                        + "); a key must be a non-blank lower-case name such as \"sao\".");
            }
            List<String> all = new ArrayList<>();
            all.add(key);
            all.addAll(entry.aliases());
            for (String name : all) {
                T previous = names.putIfAbsent(normalise(name), entry);
                if (previous != null && previous != entry) {
                    throw new IllegalStateException("Two " + kind + "s answer to the name (" + name + "): "
                            + previous.getClass().getName() + " (" + previous.key() + ") and " + entry.getClass().getName()
                            + " (" + entry.key() + "); rename one or drop the alias.");
                }
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    /** A registry of exactly these entries; {@code kind} names them in messages ("protocol"). */
    public static <T extends Registered> Registry<T> of(String kind, List<T> entries) {
        return new Registry<>(kind, entries);
    }

    /** The entries registered for {@code type} on the class path of {@code type}'s class loader. */
    public static <T extends Registered> Registry<T> load(Class<T> type, String kind) {
        return load(type, kind, type.getClassLoader());
    }

    /** The entries registered for {@code type} that {@code loader} can see. */
    public static <T extends Registered> Registry<T> load(Class<T> type, String kind, ClassLoader loader) {
        List<T> found = new ArrayList<>();
        try {
            List<T> others = new ArrayList<>();
            String home = location(type);
            for (T entry : ServiceLoader.load(type, loader)) {
                (home != null && home.equals(location(entry.getClass())) ? found : others).add(entry);
            }
            found.addAll(others);
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("A " + kind + " registered in META-INF/services/" + type.getName()
                    + " cannot be loaded: " + e.getMessage(), e);
        }
        return new Registry<>(kind, found);
    }

    /** The entry with this key or alias; throws naming the registered keys when there is none. */
    public T get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Unknown " + kind + " (" + name
                + "); the " + kind + "s are " + String.join(", ", keys()) + "."));
    }

    /** The entry with this key or alias, if any. */
    public Optional<T> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(name)));
    }

    /** Every entry, in registration order. */
    public List<T> all() {
        return entries;
    }

    /** Every entry's key, in registration order. */
    public List<String> keys() {
        return entries.stream().map(Registered::key).toList();
    }

    /** What the entries are called in messages ("protocol", "scenario format"). */
    public String kind() {
        return kind;
    }

    /**
     * Where a class was loaded from (a jar, a classes folder), or null when unknown; as text, since
     * URL.equals may resolve host names.
     */
    private static String location(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? null : source.getLocation().toString();
    }

    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '-' && c != '_' && c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }
}

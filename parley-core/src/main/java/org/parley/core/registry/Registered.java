package org.parley.core.registry;

import java.util.List;

/**
 * Something Parley finds by name in a {@link Registry}: a protocol, a scenario format. The key is
 * what records store and what users type; aliases are other names users may type (an old spelling,
 * a file extension); the title and the one-line description are what help and listings show.
 */
public interface Registered {

    /** The canonical name: lower-case, stored in records, shown first in help. */
    String key();

    /** Other names that find this entry; none by default. */
    default List<String> aliases() {
        return List.of();
    }

    /** A short human name, e.g. "stacked alternating offers". */
    String title();

    /** One line saying what it is, for {@code --help} and listings. */
    String description();
}

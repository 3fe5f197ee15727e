package org.parley.io.interop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names for parties and scenarios from file names, which is all GENIUS gives. The rule (also in
 * docs/interop.md): take the profile file's name without extension; drop the domain's stem (the
 * domain file's name without extension and without a trailing "domain") when the name starts with
 * it, with the separators after it; then drop a trailing "utility", "util", "profile", "prof",
 * "preferences" or "pref" word. When what is left is empty, only digits, or not unique, every party
 * keeps its whole file name instead. So travel_chox.xml beside travel_domain.xml is "chox",
 * camera_buyer_utility.xml is "buyer", and NiceOrDie1.xml beside NiceOrDie.xml stays "NiceOrDie1".
 */
public final class PartyNames {

    private static final Pattern SEPARATORS = Pattern.compile("^[ _.\\-]+|[ _.\\-]+$");
    private static final Pattern DOMAIN_SUFFIX = Pattern.compile("(?i)[ _.\\-]*domain$");
    private static final Pattern PROFILE_SUFFIX =
            Pattern.compile("(?i)[ _.\\-]+(utility|util|utilities|profile|prof|preferences|pref|ufun)$");

    private PartyNames() {}

    /** The file's name without its extension. */
    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The scenario name a domain file implies: its stem without a trailing "domain" word. */
    public static String scenarioName(String domainFileName) {
        String stem = stem(domainFileName);
        String trimmed = SEPARATORS.matcher(DOMAIN_SUFFIX.matcher(stem).replaceAll("")).replaceAll("");
        return trimmed.isEmpty() ? stem : trimmed;
    }

    /** Party names for the profile files (names with extension), in order. */
    public static List<String> derive(String domainFileName, List<String> profileFileNames) {
        List<String> stems = profileFileNames.stream().map(PartyNames::stem).toList();
        List<String> prefixes = new ArrayList<>();
        if (domainFileName != null) {
            prefixes.add(stem(domainFileName));
            prefixes.add(scenarioName(domainFileName));
        }
        List<String> names = new ArrayList<>();
        for (String stem : stems) {
            String name = stem;
            for (String prefix : prefixes) {
                if (!prefix.isEmpty() && name.length() > prefix.length()
                        && name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    name = name.substring(prefix.length());
                    break;
                }
            }
            name = SEPARATORS.matcher(name).replaceAll("");
            String withoutSuffix = SEPARATORS.matcher(PROFILE_SUFFIX.matcher(name).replaceAll("")).replaceAll("");
            if (!withoutSuffix.isEmpty()) {
                name = withoutSuffix;
            }
            names.add(name);
        }
        Set<String> seen = new HashSet<>();
        boolean usable = true;
        for (String name : names) {
            if (name.isEmpty() || name.chars().allMatch(Character::isDigit) || !seen.add(name)) {
                usable = false;
            }
        }
        return usable ? names : unique(stems);
    }

    /** The names, with "-2", "-3", ... added to repeats. */
    static List<String> unique(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>();
        for (String name : names) {
            String candidate = name;
            for (int k = 2; !seen.add(candidate); k++) {
                candidate = name + "-" + k;
            }
            result.add(candidate);
        }
        return result;
    }

    /** A file-name-safe form of a name: anything but letters, digits, '.', '_' and '-' becomes '_'. */
    public static String fileSafe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._\\-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }
}

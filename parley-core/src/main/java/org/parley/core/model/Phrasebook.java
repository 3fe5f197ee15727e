package org.parley.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a faction speaks with its moves: for each kind of reason (the keys of
 * {@code org.parley.core.negotiation.Rationale}, such as {@code concession-answered}) one or more
 * templates that override Parley's {@link #DEFAULTS}. A template may quote the public terms of the
 * reason through {@link #PLACEHOLDERS} and nothing else: the party a concession answers, the
 * partners of a coalition, the issue and option of a term the faction keeps, the rounds left. The
 * private figures of a reason (targets, utilities, the walk-away value) never reach a template, so
 * no line can reveal them.
 *
 * <p>{@link #render} picks, among the templates whose placeholders the reason fills, the one at
 * {@code variant} (modulo their number), so that a faction does not repeat one line all evening;
 * the faction's own templates first, Parley's when none of them fits. Rendering is deterministic.
 */
public record Phrasebook(Map<String, List<String>> phrases) {

    /** The longest template, as long as the longest message a party may send. */
    public static final int LIMIT = 500;

    /** What a template may quote. */
    public static final Set<String> PLACEHOLDERS = Set.of("party", "coalition", "issue", "option", "rounds-left");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /** Parley's lines, for every kind of reason its diplomats give. */
    public static final Map<String, List<String>> DEFAULTS;

    static {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        lines.put("opening", List.of("We open with the terms our people expect.", "Here is where we stand."));
        lines.put("hold", List.of("Our position stands.", "We see no reason to move yet.",
                "We are still waiting for a step from your side."));
        lines.put("non-negotiable", List.of("On {issue}, {option} is not negotiable.",
                "We will talk about anything but {issue}: {option} stays."));
        lines.put("concession", List.of("We have moved; we expect the same of you.", "A step towards you. Your turn."));
        lines.put("concession-answered", List.of("You moved, {party}, and so do we.",
                "A fair step from {party} deserves one in return.", "You moved, and so do we."));
        lines.put("deadline", List.of("Time is short: {rounds-left} rounds left. We can go this far.",
                "The clock is running out; this is a serious offer."));
        lines.put("walk-away-threat", List.of("This is as far as we go. Take it, or we leave the table.",
                "We have other options. Do not make us use them."));
        lines.put("coalition-offer", List.of("{coalition}, this is a deal we can sign together.",
                "We need {coalition}, not everyone. This one is for you."));
        lines.put("accept-above-target", List.of("Agreed. That works for us.", "We can sign this."));
        lines.put("accept-before-deadline", List.of("Not what we hoped for, but we will sign.",
                "Better a deal today than none. Agreed."));
        lines.put("reject-below-target", List.of("Not good enough.", "We cannot sign this as it stands."));
        lines.put("reject-unacceptable", List.of("Out of the question.", "We could never sign that."));
        lines.put("walk-away", List.of("There is nothing here for us. We are leaving the talks.",
                "We have heard enough. Good day."));
        lines.replaceAll((kind, templates) -> List.copyOf(templates));
        DEFAULTS = Collections.unmodifiableMap(lines);
    }

    /** No lines of its own: the faction speaks Parley's. */
    public static final Phrasebook NONE = new Phrasebook(Map.of());

    public Phrasebook {
        Map<String, List<String>> checked = new LinkedHashMap<>();
        if (phrases != null) {
            phrases.forEach((kind, templates) -> {
                if (!DEFAULTS.containsKey(kind)) {
                    throw new IllegalArgumentException("Unknown kind of line (" + kind + "); the kinds are "
                            + String.join(", ", DEFAULTS.keySet()) + ".");
                }
                if (templates == null || templates.isEmpty()) {
                    throw new IllegalArgumentException("The lines for (" + kind + ") are empty; give at least one.");
                }
                for (String template : templates) {
                    check(template);
                }
                checked.put(kind, List.copyOf(templates));
            });
        }
        phrases = Collections.unmodifiableMap(checked);
    }

    /**
     * Checks one template: one line of at most {@link #LIMIT} characters, not blank, its braces
     * balanced and every placeholder one of {@link #PLACEHOLDERS}. The message names the problem.
     */
    public static void check(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("A line must not be empty.");
        }
        if (template.length() > LIMIT) {
            throw new IllegalArgumentException("A line must be at most " + LIMIT + " characters, got "
                    + template.length() + ".");
        }
        if (template.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A line must be one line, without line breaks or other control"
                    + " characters.");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("Unknown placeholder {" + m.group(1) + "} in (" + template
                        + "); a line may quote {party}, {coalition}, {issue}, {option} and {rounds-left}.");
            }
            m.appendReplacement(rest, "");
        }
        m.appendTail(rest);
        if (rest.indexOf("{") >= 0 || rest.indexOf("}") >= 0) {
            throw new IllegalArgumentException("Unbalanced brace in (" + template + "); placeholders are written"
                    + " {party}, {coalition}, {issue}, {option} or {rounds-left}.");
        }
    }

    /**
     * The line for a reason of {@code kind} with these public {@code terms}, or null when neither
     * the faction nor Parley has one that the terms fill.
     */
    public String render(String kind, Map<String, String> terms, int variant) {
        String line = pick(phrases.get(kind), terms, variant);
        return line != null ? line : pick(DEFAULTS.get(kind), terms, variant);
    }

    private static String pick(List<String> templates, Map<String, String> terms, int variant) {
        if (templates == null) {
            return null;
        }
        List<String> fitting = new ArrayList<>();
        for (String template : templates) {
            if (fills(template, terms)) {
                fitting.add(template);
            }
        }
        if (fitting.isEmpty()) {
            return null;
        }
        String template = fitting.get(Math.floorMod(variant, fitting.size()));
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder line = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(line, Matcher.quoteReplacement(terms.get(m.group(1))));
        }
        m.appendTail(line);
        return line.toString();
    }

    private static boolean fills(String template, Map<String, String> terms) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!terms.containsKey(m.group(1))) {
                return false;
            }
        }
        return true;
    }
}

package org.incidentkb.common;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The normalised form actor names are matched on across datasets ("Islamic State (Iraq)", "ISLAMIC STATE",
 * "Islamic State [2013-]" are one name): case and accents folded, years in brackets and a trailing bracketed
 * qualifier dropped, punctuation read as a space. Also the tokens and the acronym of a name, which the duplicate
 * finder compares.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern YEARS = Pattern.compile("[(\\[]\\s*\\d{4}\\s*(?:[-–]\\s*(?:\\d{4})?\\s*)?[)\\]]");
    private static final Pattern TRAILING_QUALIFIER = Pattern.compile("\\s*[(\\[][^()\\[\\]]*[)\\]]\\s*$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words an acronym leaves out ("Islamic State of Iraq and the Levant" is ISIL). */
    private static final Set<String> MINOR = Set.of("of", "the", "and", "for", "in", "al", "el", "de", "la", "le");

    private Names() {
    }

    /** The form two names of one actor share; null for a null or empty name. */
    public static String matchKey(String name) {
        if (name == null) {
            return null;
        }
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = YEARS.matcher(s).replaceAll(" ");
        String unqualified = TRAILING_QUALIFIER.matcher(s).replaceAll("");
        if (!unqualified.isBlank()) {
            s = unqualified;
        }
        s = NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        return s.isEmpty() ? null : s;
    }

    /** The words of the normalised name, minor words ("of", "the", "al") left out. */
    public static Set<String> tokens(String name) {
        String key = matchKey(name);
        if (key == null) {
            return Set.of();
        }
        Set<String> words = new LinkedHashSet<>(Arrays.asList(key.split(" ")));
        words.removeAll(MINOR);
        return words;
    }

    /** The initials of the normalised name's words, minor words left out ("is" for "Islamic State"); null for one word. */
    public static String acronym(String name) {
        String key = matchKey(name);
        if (key == null) {
            return null;
        }
        List<String> words = Arrays.stream(key.split(" ")).filter(w -> !MINOR.contains(w)).toList();
        return words.size() < 2 ? null : words.stream().map(w -> w.substring(0, 1)).collect(Collectors.joining());
    }
}

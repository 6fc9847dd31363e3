package org.incidentkb.common;

import java.util.Locale;

/** Builds LIKE patterns from user text with the wildcards escaped; queries use {@code escape '!'}. */
public final class Like {

    private Like() {
    }

    /** A case-folded "contains" pattern for comparing against lower-cased columns. */
    public static String contains(String text) {
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** A "contains" pattern of the text as text search compares it ({@link TextFold}), for folded columns. */
    public static String containsFolded(String text) {
        return "%" + escape(TextFold.fold(text)) + "%";
    }

    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

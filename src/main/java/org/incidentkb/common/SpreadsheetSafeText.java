package org.incidentkb.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Keeps CSV cells from being run as spreadsheet formulas (CSV injection): text starting, after any leading spaces
 * and invisible format characters, with {@code = + - @} (or their fullwidth forms), a tab or a line break is written with a leading apostrophe,
 * which spreadsheets show as text and do not evaluate.
 * Numbers are not text and are written as they are.
 */
public final class SpreadsheetSafeText extends StdSerializer<String> {

    public static final SimpleModule MODULE = new SimpleModule("spreadsheet-safe-text")
            .addSerializer(String.class, new SpreadsheetSafeText());

    private SpreadsheetSafeText() {
        super(String.class);
    }

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // OWASP: spreadsheets skip leading white space before reading a formula, so the first other character counts;
        // any space (U+2003, U+2009), line or paragraph separator (U+2028) and invisible format character (U+200B,
        // U+200E, U+FEFF) is skipped here too, since a spreadsheet or a paste may drop it.
        int i = 0;
        while (i < text.length() && isSkipped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char first = text.charAt(i);
        return isFormulaStart(first) || first == '\t' || first == '\r' || first == '\n' ? "'" + text : text;
    }

    /** What comes before a formula and does not stop it: spaces, separators, format characters (not tab or breaks). */
    private static boolean isSkipped(char c) {
        if (c == '\t' || c == '\r' || c == '\n') {
            return false;
        }
        return Character.isSpaceChar(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT;
    }

    /** = + - @ and their fullwidth forms (U+FF1D, U+FF0B, U+FF0D, U+FF20), which some spreadsheets also read. */
    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\uff1d' || c == '\uff0b' || c == '\uff0d'
                || c == '\uff20';
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(safe(value));
    }
}

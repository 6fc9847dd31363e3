package org.incidentkb.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Keeps CSV cells from being run as spreadsheet formulas (CSV injection): text starting with {@code = + - @}, a tab
 * or a carriage return is written with a leading apostrophe, which spreadsheets show as text and do not evaluate.
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
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(safe(value));
    }
}

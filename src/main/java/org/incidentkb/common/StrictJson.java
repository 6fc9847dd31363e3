package org.incidentkb.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads JSON bodies strictly, so that what is stored is what the client meant: unknown fields, a field given twice,
 * anything after the document, a number where text belongs (or text where a number belongs), a fraction for a
 * whole number, text with control characters or broken UTF-16, and dates that are not a plain {@code YYYY-MM-DD}
 * between 1800 and 2100 are all refused with a 400 naming the field. (Dates outside that range do not survive the
 * trip through JDBC's calendar unchanged: 1582-10-10 would come back as 1582-10-20.)
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** What a date in a body or a query must be. */
    public static final String PLAIN_DATE = "must be a date YYYY-MM-DD between " + EARLIEST + " and " + LATEST;

    /**
     * The date this text writes as a plain {@code YYYY-MM-DD} between 1800 and 2100 (nothing around it, not even a
     * space), or null: the one reading of dates for bodies and query parameters alike.
     */
    public static LocalDate plainDate(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Applied last, after Quarkus registers its Java time module, so the plain-date reader wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("incident-kb-strict");
        module.addDeserializer(String.class, new CleanText());
        module.addDeserializer(LocalDate.class, new PlainDate());
        mapper.registerModule(module);
    }

    /**
     * What is wrong with text a record would store, or null: no control characters but tab and line breaks, no lone
     * surrogates, no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source" text), no
     * byte order mark and no non-characters (U+FDD0–U+FDEF, and the last two code points of every plane: U+FFFE,
     * U+FFFF, U+1FFFE ... U+10FFFF). The marks U+200E and U+200F, which Arabic and Kurdish text needs, are allowed.
     */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String problem = problemWith(c);
            if (problem != null) {
                return problem;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** What is wrong with this code point in stored text, or null (see {@link #problemWith(String)}). */
    public static String problemWith(int c) {
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            return "contains a lone UTF-16 surrogate (broken Unicode)";
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x80 && c < 0xa0) {
            return "contains a control character (" + codePoint(c) + ")";
        }
        if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
            return "contains a bidirectional override or isolate (" + codePoint(c)
                    + "), which can make text display other than it reads";
        }
        if (c == 0xfeff) {
            return "contains a byte order mark (U+FEFF)";
        }
        if (c >= 0xfdd0 && c <= 0xfdef || (c & 0xfffe) == 0xfffe) {
            return "contains a Unicode non-character (" + codePoint(c) + ")";
        }
        return null;
    }

    private static String codePoint(int c) {
        return "U+" + String.format("%04X", c);
    }

    static final class CleanText extends StdScalarDeserializer<String> {

        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = problemWith(text);
            if (problem != null) {
                throw ctxt.weirdStringException(Params.clip(text), String.class, problem);
            }
            return text;
        }
    }

    static final class PlainDate extends StdScalarDeserializer<LocalDate> {

        PlainDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            LocalDate date = plainDate(text);
            if (date == null) {
                throw ctxt.weirdStringException(Params.clip(text), LocalDate.class, PLAIN_DATE);
            }
            return date;
        }
    }
}

package org.incidentkb.common;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;

import java.util.Locale;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The spelling a text search compares ({@code q=}; ADR 0022): lower-cased, and the variants that one place or name is
 * written with folded into one, so that a search finds the spellings it did not type.
 * <ul>
 * <li>Latin letters with diacritics, as transliterations of Arabic and Kurdish names carry them, become the bare
 * letter ({@code Ḥalabja}, {@code Kobanî}, {@code Baʿqūbah}); combining marks (text in decomposed form) go.</li>
 * <li>Apostrophes and the transliteration marks of ʿayn and hamza go ({@code al-Qa'im}, {@code al-Qaʾim},
 * {@code al-Qaim} are one), and hyphens are spaces ({@code al-Anbar}, {@code al Anbar}).</li>
 * <li>Arabic: alef with hamza or madda is alef, teh marbuta is heh, alef maksura is yeh; tatweel, harakat and the
 * invisible joiners and direction marks go; Arabic-Indic and Persian digits are digits.</li>
 * <li>Kurdish and Persian letters become the Arabic letter they are written with in Arabic text: keheh and gaf kaf,
 * Farsi yeh and Kurdish ê yeh, ae and heh doachashmee heh, and peh, tcheh, jeh, veh, reh and lam with a mark, oe
 * the letter they carry the mark on.</li>
 * </ul>
 * The same fold is written three times and must stay one: in Java ({@link #fold}, for the searched text and the
 * Lucene index), in PostgreSQL's {@code translate} (its trigram indexes hold the folded texts: changing the tables
 * below needs a migration that builds them again, as V31 did, and a new format of the text index) and for H2's scan
 * ({@link #sql}, and {@link #hql} for searches written in HQL). {@code TextFoldTest} compares them.
 */
public final class TextFold {

    /** Each string's characters become the character after it. Literals, so that the SQL never changes by itself. */
    private static final String[][] MAPPED = {
        { "àáâãäåāăąǎạả", "a" }, { "çćĉċč", "c" }, { "ďđḍḏ", "d" }, { "èéêëēĕėęěẹẽ", "e" }, { "ĝğġģǧ", "g" },
        { "ĥħḥḫẖ", "h" }, { "ìíîïĩīĭįıǐị", "i" }, { "ĵǰ", "j" }, { "ķḳ", "k" }, { "ĺļľŀł", "l" },
        { "ñńņňṇ", "n" }, { "òóôõöøōŏőǒọ", "o" }, { "ŕŗřṛ", "r" }, { "śŝşšșṣ", "s" }, { "ţťŧțṭṯ", "t" },
        { "ùúûüũūŭůűųǔụ", "u" }, { "ŵ", "w" }, { "ýÿŷỳ", "y" }, { "źżžẓẕ", "z" },
        { "-\u2010\u2011", " " },
        { "أإآٱ", "ا" }, { "ةەھۀہ", "ه" }, { "ىیێ", "ي" }, { "کگ", "ك" }, { "پ", "ب" }, { "چ", "ج" }, { "ژ", "ز" },
        { "ڤ", "ف" }, { "ڕ", "ر" }, { "ڵ", "ل" }, { "ۆ", "و" },
        { "٠", "0" }, { "١", "1" }, { "٢", "2" }, { "٣", "3" }, { "٤", "4" }, { "٥", "5" }, { "٦", "6" }, { "٧", "7" },
        { "٨", "8" }, { "٩", "9" }, { "۰", "0" }, { "۱", "1" }, { "۲", "2" }, { "۳", "3" }, { "۴", "4" }, { "۵", "5" },
        { "۶", "6" }, { "۷", "7" }, { "۸", "8" }, { "۹", "9" },
    };

    /**
     * Characters removed: apostrophes and the marks of ʿayn and hamza; tatweel, harakat and the superscript alef;
     * zero-width joiners and direction marks; the combining marks that transliterations and Turkish and Kurdish
     * spellings use (grave, acute, circumflex, tilde, macron, breve, dot above, diaeresis, ring, caron, dot below,
     * diaeresis below, ring below, comma below, cedilla, ogonek, breve below, macron below).
     */
    private static final String REMOVED = "'`´ʼʾʿ\u2018\u2019" + "\u0640\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652"
            + "\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065A\u065B\u065C\u065D\u065E\u065F\u0670"
            + "\u200C\u200D\u200E\u200F\u061C\u00AD"
            + "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030A\u030C\u0323\u0324\u0325\u0326\u0327\u0328"
            + "\u032E\u0331";

    /** No text holds this (it is not a character), so it marks "removed" in the table. */
    private static final char REMOVE = '\uFFFF';

    /** The characters mapped, then those removed: PostgreSQL's {@code translate} removes those without a pair. */
    static final String FROM;
    static final String TO;
    /** The same for the ASCII characters alone (hyphens, apostrophes), for a text that has no other. */
    static final String ASCII_FROM;
    static final String ASCII_TO;
    private static final char[] TABLE;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (String[] m : MAPPED) {
            from.append(m[0]);
            to.append(m[1].repeat(m[0].length()));
        }
        FROM = from + REMOVED;
        TO = to.toString();
        StringBuilder asciiFrom = new StringBuilder();
        StringBuilder asciiTo = new StringBuilder();
        for (int i = 0; i < FROM.length(); i++) {
            if (FROM.charAt(i) < 0x80 && i < TO.length()) {
                asciiFrom.append(FROM.charAt(i));
                asciiTo.append(TO.charAt(i));
            }
        }
        REMOVED.chars().filter(c -> c < 0x80).forEach(c -> asciiFrom.append((char) c));
        ASCII_FROM = asciiFrom.toString();
        ASCII_TO = asciiTo.toString();
        char max = 0;
        for (char c : FROM.toCharArray()) {
            max = (char) Math.max(max, c);
        }
        TABLE = new char[max + 1];
        for (int i = 0; i < FROM.length(); i++) {
            TABLE[FROM.charAt(i)] = i < TO.length() ? TO.charAt(i) : REMOVE;
        }
    }

    private TextFold() {
    }

    /** The text lower-cased and folded, without the spaces at its ends. */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            char to = c < TABLE.length && TABLE[c] != 0 ? TABLE[c] : c;
            if (to != REMOVE) {
                folded.append(to);
            }
        }
        return folded.toString().strip();
    }

    /**
     * PostgreSQL's SQL of an expression folded, written out, as an index expression must be for a query to use it:
     * {@code translate(lowered, 'from', 'to')}, where {@code lowered} is already lower-cased. PostgreSQL's
     * {@code translate} compares every character of the text with every character of the table (at a million
     * incidents, 100 s for the whole table against 1 s for {@code lower} alone); a text of ASCII characters only (its
     * length in bytes is its length in characters), as most are, is translated with the table's ASCII characters.
     */
    public static String postgres(String lowered) {
        return "(case when octet_length(" + lowered + ") = length(" + lowered + ") then translate(" + lowered + ", "
                + literal(ASCII_FROM) + ", " + literal(ASCII_TO) + ") else translate(" + lowered + ", " + literal(FROM)
                + ", " + literal(TO) + ") end)";
    }

    /** The text of a column folded in SQL, as {@link #fold} folds it (but for the spaces at its ends). */
    public static Field<String> sql(Field<String> text, boolean postgres) {
        Field<String> lowered = DSL.lower(text);
        if (postgres) {
            return field(postgres("{0}"), String.class, lowered);
        }
        // H2's translate keeps a character that has no pair; a regular expression removes those.
        return DSL.regexpReplaceAll(DSL.translate(lowered, inline(FROM.substring(0, TO.length())), inline(TO)),
                inline("[" + REMOVED + "]"), inline(""));
    }

    /**
     * The same in HQL, for searches written with Hibernate: {@code expression} lower-cased and folded, the tables
     * written as literals.
     */
    public static String hql(String expression, boolean postgres) {
        String lowered = "lower(" + expression + ")";
        if (postgres) {
            return "(case when function('octet_length' as Integer, " + lowered + ") = length(" + lowered + ") then "
                    + "function('translate' as String, " + lowered + ", " + literal(ASCII_FROM) + ", "
                    + literal(ASCII_TO) + ") else function('translate' as String, " + lowered + ", " + literal(FROM)
                    + ", " + literal(TO) + ") end)";
        }
        return "function('regexp_replace' as String, function('translate' as String, " + lowered + ", "
                + literal(FROM.substring(0, TO.length())) + ", " + literal(TO) + "), " + literal("[" + REMOVED + "]")
                + ", '')";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}

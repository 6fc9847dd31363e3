package org.incidentkb.common;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** ISO 3166-1 alpha-3 country codes and their English names, from the JDK's own tables. */
public final class Countries {

    private static final Map<String, String> NAMES = new TreeMap<>();
    private static final Map<String, String> CODES_BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            NAMES.put(locale.getISO3Country(), locale.getDisplayCountry(Locale.ENGLISH));
        }
        NAMES.put("XKX", "Kosovo"); // user-assigned code used by the EU, ACLED and others
        NAMES.forEach((code, name) -> CODES_BY_NAME.put(name, code));
    }

    private Countries() {
    }

    public static boolean isCode(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static String name(String code) {
        return code == null ? null : NAMES.get(code);
    }

    /** The alpha-3 code for an alpha-3 code (any case) or an English country name. */
    public static Optional<String> resolve(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String upper = codeOrName.trim().toUpperCase(Locale.ROOT);
        if (NAMES.containsKey(upper)) {
            return Optional.of(upper);
        }
        return Optional.ofNullable(CODES_BY_NAME.get(codeOrName.trim()));
    }
}

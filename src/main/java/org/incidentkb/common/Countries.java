package org.incidentkb.common;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** ISO 3166-1 alpha-3 country codes and their English names, from the JDK's own tables. */
public final class Countries {

    private static final Map<String, String> NAMES = new TreeMap<>();
    private static final Map<String, String> CODES_BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** Names the datasets use that differ from the JDK's English names. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("Democratic Republic of the Congo", "COD"), Map.entry("DR Congo", "COD"),
            Map.entry("DR Congo (Zaire)", "COD"), Map.entry("Republic of the Congo", "COG"), Map.entry("Congo", "COG"),
            Map.entry("Ivory Coast", "CIV"), Map.entry("Cote d'Ivoire", "CIV"), Map.entry("Côte d'Ivoire", "CIV"),
            Map.entry("Myanmar", "MMR"), Map.entry("Burma", "MMR"), Map.entry("Myanmar (Burma)", "MMR"),
            Map.entry("Palestine", "PSE"), Map.entry("West Bank and Gaza Strip", "PSE"), Map.entry("West Bank", "PSE"),
            Map.entry("Gaza Strip", "PSE"), Map.entry("Bosnia and Herzegovina", "BIH"), Map.entry("Bosnia-Herzegovina", "BIH"),
            Map.entry("Czech Republic", "CZE"), Map.entry("Macedonia", "MKD"), Map.entry("Macedonia, FYR", "MKD"),
            Map.entry("East Timor", "TLS"), Map.entry("Swaziland", "SWZ"), Map.entry("Cabo Verde", "CPV"),
            Map.entry("Türkiye", "TUR"), Map.entry("Turkiye", "TUR"), Map.entry("Russia (Soviet Union)", "RUS"),
            Map.entry("Yemen (North Yemen)", "YEM"), Map.entry("North Yemen", "YEM"), Map.entry("Yemen (North)", "YEM"),
            Map.entry("Yemen (South)", "YMD"), Map.entry("West Germany (FRG)", "DEU"), Map.entry("West Germany", "DEU"),
            Map.entry("East Germany (GDR)", "DDR"), Map.entry("Serbia (Yugoslavia)", "SRB"),
            Map.entry("Serbia-Montenegro", "SCG"), Map.entry("Vietnam (North Vietnam)", "VNM"),
            Map.entry("Cambodia (Kampuchea)", "KHM"), Map.entry("Zimbabwe (Rhodesia)", "ZWE"),
            Map.entry("Madagascar (Malagasy)", "MDG"), Map.entry("Kingdom of eSwatini (Swaziland)", "SWZ"),
            Map.entry("United States of America", "USA"), Map.entry("USA", "USA"), Map.entry("UK", "GBR"),
            Map.entry("Great Britain", "GBR"), Map.entry("Hong Kong", "HKG"), Map.entry("Macau", "MAC"),
            Map.entry("Vatican", "VAT"), Map.entry("Brunei Darussalam", "BRN"), Map.entry("Lao PDR", "LAO"),
            Map.entry("Korea, South", "KOR"), Map.entry("Korea, North", "PRK"), Map.entry("Trinidad and Tobago", "TTO"),
            Map.entry("Antigua and Barbuda", "ATG"), Map.entry("Saint Kitts and Nevis", "KNA"),
            Map.entry("Saint Vincent and the Grenadines", "VCT"), Map.entry("Sao Tome and Principe", "STP"),
            Map.entry("Turks and Caicos Islands", "TCA"), Map.entry("Falkland Islands (Malvinas)", "FLK"),
            Map.entry("New Hebrides", "VUT"), Map.entry("Slovak Republic", "SVK"), Map.entry("The Gambia", "GMB"));

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            NAMES.put(locale.getISO3Country(), locale.getDisplayCountry(Locale.ENGLISH));
        }
        NAMES.put("XKX", "Kosovo"); // user-assigned code used by the EU, ACLED and others
        // Former states that the GTD and UCDP record events in (ISO 3166-3 codes).
        NAMES.put("SUN", "Soviet Union");
        NAMES.put("YUG", "Yugoslavia");
        NAMES.put("CSK", "Czechoslovakia");
        NAMES.put("DDR", "East Germany");
        NAMES.put("ZAR", "Zaire");
        NAMES.put("YMD", "South Yemen");
        NAMES.put("SCG", "Serbia and Montenegro");
        NAMES.put("RHO", "Rhodesia");
        NAMES.put("VDR", "South Vietnam");
        NAMES.forEach((code, name) -> CODES_BY_NAME.put(name, code));
        ALIASES.forEach((alias, code) -> CODES_BY_NAME.putIfAbsent(alias, code));
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

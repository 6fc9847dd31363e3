package org.incidentkb.imports;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.common.CodeRef;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.ClaimInput;
import org.incidentkb.incident.api.IncidentApi.IncidentActor;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Confidence;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.GeoPrecision;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.model.Stance;
import org.incidentkb.source.SourceApi.SourceInput;

/**
 * A row of the Global Terrorism Database (its codebook's columns) as an incident. Unknowns stay unknown: a 0 day
 * or month lowers the date precision, -9 and -99 are never figures, "Unknown" perpetrators are no actor.
 */
final class GtdMapper implements RowMapper {

    private static final Pattern APPROX_RANGE = Pattern.compile("([A-Za-z]+) (\\d{1,2})\\s*-\\s*(\\d{1,2}), (\\d{4})");
    private static final Pattern CITATION = Pattern.compile("\"(.+?)[,.]?\"\\s*,?\\s*([^,\"]{2,200}?)\\s*,\\s*[A-Z][a-z]+\\.? \\d.*");

    @Override
    public Draft map(Map<String, String> row, long line) {
        Columns c = new Columns(row);
        String eventId = c.required("eventid");

        int year = c.code("iyear") == null ? 0 : c.code("iyear");
        if (year < 1900 || year > 2100) {
            throw new Columns.RowException("iyear '" + c.text("iyear") + "' is not a year");
        }
        int month = c.code("imonth") == null ? 0 : c.code("imonth");
        int day = c.code("iday") == null ? 0 : c.code("iday");
        if (month < 0 || month > 12) {
            throw new Columns.RowException("imonth '" + month + "' is not a month (0 = unknown)");
        }
        LocalDate start;
        LocalDate end = null;
        DatePrecision precision;
        try {
            if (month == 0) {
                start = LocalDate.of(year, 1, 1);
                end = LocalDate.of(year, 12, 31);
                precision = DatePrecision.YEAR;
            } else if (day == 0) {
                start = LocalDate.of(year, month, 1);
                end = start.withDayOfMonth(start.lengthOfMonth());
                precision = DatePrecision.MONTH;
            } else {
                start = LocalDate.of(year, month, day);
                precision = DatePrecision.DAY;
            }
        } catch (java.time.DateTimeException e) {
            throw new Columns.RowException("iyear/imonth/iday " + year + "-" + month + "-" + day + " is not a date");
        }
        LocalDate approxEnd = approximateEnd(c.text("approxdate"));
        if (approxEnd != null && approxEnd.isAfter(start) && precision == DatePrecision.DAY) {
            end = approxEnd;
        }
        if (c.flag("extended") && c.text("resolution") != null) {
            LocalDate resolved = resolution(c.text("resolution"));
            if (resolved != null && resolved.isAfter(start)) {
                end = resolved;
            }
        }

        String countryName = c.text("country_txt");
        String city = unknownToNull(c.text("city"));
        Location location = c.location("country_txt", unknownToNull(c.text("provstate")), null, city,
                geoPrecision(c.code("specificity"), c.flag("vicinity")));

        List<IncidentActor> actors = new ArrayList<>();
        List<Draft.ActorHint> hints = new ArrayList<>();
        List<ClaimInput> claims = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 1; i <= 3; i++) {
            String suffix = i == 1 ? "" : String.valueOf(i);
            String group = unknownToNull(c.text("gname" + suffix));
            if (group == null || !seen.add(group.toLowerCase(Locale.ROOT))) {
                continue;
            }
            group = Columns.clip(group, 300);
            hints.add(new Draft.ActorHint(group, ActorKind.NON_STATE_ARMED_GROUP, null));
            actors.add(new IncidentActor(Ref.of(null, group), Role.PERPETRATOR,
                    c.flag("guncertain" + i) ? Confidence.SUSPECTED : Confidence.CONFIRMED));
            String claimedColumn = i == 1 ? "claimed" : "claim" + i;
            if (c.flag(claimedColumn)) {
                claims.add(new ClaimInput(null, Ref.of(null, group), Stance.CLAIMED, null, null,
                        channel(c.code("claimmode" + suffix)), null, Credibility.UNVERIFIED, null, null));
            }
        }

        List<CasualtyInput> casualties = casualties(c, actors.isEmpty() ? null : actors.get(0).actor());

        List<SourceInput> sources = new ArrayList<>();
        for (String column : List.of("scite1", "scite2", "scite3")) {
            String citation = c.text(column);
            if (citation != null) {
                sources.add(source(citation));
            }
        }

        Set<String> tags = new LinkedHashSet<>();
        tag(tags, "attack-type", c.text("attacktype1_txt"));
        tag(tags, "attack-type", c.text("attacktype2_txt"));
        tag(tags, "target-type", c.text("targtype1_txt"));
        tag(tags, "target-type", c.text("targtype2_txt"));
        tag(tags, "target-type", c.text("targtype3_txt"));
        tag(tags, "weapon", c.text("weaptype1_txt"));
        if (c.flag("suicide")) {
            tags.add("suicide-attack");
        }
        if (c.flag("doubtterr")) {
            tags.add("doubtful-terrorism");
        }
        if (c.flag("compclaim")) {
            tags.add("competing-claims");
        }

        String attack = c.text("attacktype1_txt");
        String title = Columns.clip((attack == null ? "Attack" : attack) + " in "
                + (city != null ? city + ", " : "") + (countryName == null ? "unknown place" : countryName), 300);
        String summary = c.text("summary");
        if (summary == null && c.text("target1") != null) {
            summary = "Target: " + c.text("target1");
        }
        IncidentInput incident = new IncidentInput(title, Columns.clip(summary, 20000), null,
                CodeRef.of(type(c.code("attacktype1"), c.flag("suicide"))), start, end, precision, location, actors,
                casualties, claims, null, List.copyOf(tags),
                List.of(new ExternalRef(ImportFormat.GTD.dataset, eventId)), null);
        return new Draft(line, incident, hints, sources);
    }

    /** nkill/nwound for all; nkillus/nwoundus as US citizens; nkillter/nwoundte as the perpetrators' own. */
    private static List<CasualtyInput> casualties(Columns c, Ref perpetrator) {
        List<CasualtyInput> out = new ArrayList<>();
        Integer killed = c.count("nkill");
        Integer wounded = c.count("nwound");
        if (killed != null || wounded != null) {
            out.add(new CasualtyInput(null, CasualtyCategory.ALL, null, Columns.exactly(killed), Columns.exactly(wounded),
                    null, null, null, null));
        }
        Integer killedUs = c.count("nkillus");
        Integer woundedUs = c.count("nwoundus");
        if (positive(killedUs) || positive(woundedUs)) {
            out.add(new CasualtyInput(null, CasualtyCategory.UNKNOWN, new Party(null, "US citizens"),
                    Columns.exactly(killedUs), Columns.exactly(woundedUs), null, null, null, null));
        }
        Integer killedPerps = c.count("nkillter");
        Integer woundedPerps = c.count("nwoundte");
        if (positive(killedPerps) || positive(woundedPerps)) {
            out.add(new CasualtyInput(null, CasualtyCategory.MILITANT,
                    perpetrator == null ? new Party(null, "Perpetrators") : new Party(perpetrator, null),
                    Columns.exactly(killedPerps), Columns.exactly(woundedPerps), null, null, null, null));
        }
        return out;
    }

    private static boolean positive(Integer n) {
        return n != null && n > 0;
    }

    /** GTD attack types onto the ACLED taxonomy. */
    static String type(Integer attackType, boolean suicide) {
        if (attackType == null) {
            return "attack";
        }
        return switch (attackType) {
            case 3 -> suicide ? "suicide-bomb" : "remote-explosive-landmine-ied";
            case 4, 5, 6 -> "abduction-forced-disappearance";
            case 7 -> "looting-property-destruction";
            default -> "attack"; // 1 assassination, 2 armed assault, 8 unarmed assault, 9 unknown
        };
    }

    /** claimmode codes: 1 letter, 2-3 call, 4 e-mail, 5 note, 6 video, 7 website/social media, 8 personal, 9 other. */
    static Channel channel(Integer mode) {
        if (mode == null) {
            return Channel.UNKNOWN;
        }
        return switch (mode) {
            case 1 -> Channel.LETTER;
            case 2, 3 -> Channel.PHONE_CALL;
            case 5 -> Channel.NOTE_AT_SCENE;
            case 6 -> Channel.VIDEO;
            case 7 -> Channel.SOCIAL_MEDIA;
            case 8 -> Channel.PERSONAL;
            case 4, 9 -> Channel.OTHER;
            default -> Channel.UNKNOWN;
        };
    }

    /** specificity 1 = the city's coordinates; 2-3 = a second-order region's; 4 = a province's; 5 = the country's. */
    static GeoPrecision geoPrecision(Integer specificity, boolean vicinity) {
        if (specificity == null) {
            return null;
        }
        return switch (specificity) {
            case 1 -> vicinity ? GeoPrecision.NEAR : GeoPrecision.EXACT;
            case 2, 3 -> GeoPrecision.ADMIN2;
            case 4 -> GeoPrecision.ADMIN1;
            case 5 -> GeoPrecision.COUNTRY;
            default -> null;
        };
    }

    /** "May 4-5, 2007": the last day of the range. */
    private static LocalDate approximateEnd(String approx) {
        if (approx == null) {
            return null;
        }
        Matcher m = APPROX_RANGE.matcher(approx.trim());
        if (!m.matches()) {
            return null;
        }
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equalsIgnoreCase(m.group(1))) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(4)), month, Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The resolution date of an extended incident, as 1/5/2000 (month/day/year) or 2000-01-05. */
    private static LocalDate resolution(String text) {
        try {
            if (text.contains("/")) {
                String[] p = text.split("/");
                return LocalDate.of(Integer.parseInt(p[2].trim()), Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
            }
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A citation such as: Jane Doe, "Headline," New York Times, January 3, 2001. */
    static SourceInput source(String citation) {
        String publisher = "GTD citation";
        Matcher m = CITATION.matcher(citation);
        if (m.find() && !m.group(2).isBlank()) {
            publisher = m.group(2).trim();
        }
        return new SourceInput(Columns.clip(publisher, 200), null, Columns.clip(citation, 1000), null, null, null);
    }

    private static void tag(Set<String> tags, String kind, String label) {
        if (label != null) {
            tags.add(Columns.clip(kind + ":" + Columns.slug(label), 100));
        }
    }

    private static String unknownToNull(String text) {
        return text == null || text.equalsIgnoreCase("unknown") ? null : text;
    }
}

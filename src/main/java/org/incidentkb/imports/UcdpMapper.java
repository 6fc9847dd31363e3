package org.incidentkb.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.common.CodeRef;
import org.incidentkb.common.Figures;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.IncidentActor;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.Confidence;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.GeoPrecision;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.Role;
import org.incidentkb.source.SourceApi.SourceInput;

/**
 * A row of the UCDP Georeferenced Event Dataset as an incident: side A as perpetrator and side B as target,
 * the low/best/high estimate as the total killed, and each side's, the civilians' and the unknown deaths as
 * records of their own.
 */
final class UcdpMapper implements RowMapper {

    @Override
    public Draft map(Map<String, String> row, long line) {
        Columns c = new Columns(row);
        String id = c.required("id");
        LocalDate start = c.requiredDate("date_start");
        LocalDate end = c.date("date_end");
        if (end != null && end.isBefore(start)) {
            throw new Columns.RowException("date_end " + end + " is before date_start " + start);
        }
        if (start.equals(end)) {
            end = null;
        }
        Integer violence = c.code("type_of_violence");
        if (violence == null || violence < 1 || violence > 3) {
            throw new Columns.RowException("type_of_violence '" + c.text("type_of_violence") + "' is not 1, 2 or 3");
        }

        Location location = c.location("country", c.text("adm_1"), c.text("adm_2"), c.text("where_coordinates"),
                geoPrecision(c.code("where_prec")));

        String sideA = c.text("side_a");
        String sideB = c.text("side_b");
        List<IncidentActor> actors = new ArrayList<>();
        List<Draft.ActorHint> hints = new ArrayList<>();
        // One-sided violence (3): side_a attacks civilians (side_b). State-based (1) and non-state (2) conflict: two
        // sides, neither cast by UCDP as the attacker.
        Role roleA = violence == 3 ? Role.PERPETRATOR : Role.PARTY;
        Role roleB = violence == 3 ? Role.TARGET : Role.PARTY;
        if (sideA != null) {
            actors.add(new IncidentActor(Ref.of(null, Columns.clip(sideA, 300)), roleA, Confidence.CONFIRMED));
            hints.add(new Draft.ActorHint(Columns.clip(sideA, 300), kind(sideA), null));
        }
        if (sideB != null && !sideB.equalsIgnoreCase(sideA)) {
            actors.add(new IncidentActor(Ref.of(null, Columns.clip(sideB, 300)), roleB, Confidence.CONFIRMED));
            hints.add(new Draft.ActorHint(Columns.clip(sideB, 300), kind(sideB), null));
        }

        List<CasualtyInput> casualties = new ArrayList<>();
        Integer best = c.count("best");
        if (best != null) {
            Integer low = c.count("low");
            Integer high = c.count("high");
            if (low != null && low > best || high != null && high < best) {
                throw new Columns.RowException("low " + low + ", best " + best + ", high " + high
                        + " are not in order");
            }
            casualties.add(new CasualtyInput(null, CasualtyCategory.ALL, null, new Figures(low, best, high), null, null,
                    null, null, null));
        }
        side(casualties, sideA, c.count("deaths_a"));
        side(casualties, sideB, c.count("deaths_b"));
        deaths(casualties, CasualtyCategory.CIVILIAN, null, c.count("deaths_civilians"));
        deaths(casualties, CasualtyCategory.UNKNOWN, null, c.count("deaths_unknown"));

        List<SourceInput> sources = sources(c);
        String dyad = c.text("dyad_name");
        String place = c.text("where_coordinates");
        String title = Columns.clip((dyad != null ? dyad : violenceLabel(violence))
                + (place != null ? " at " + place : ""), 300);
        String summary = c.text("conflict_name") == null ? c.text("where_description")
                : "Conflict: " + c.text("conflict_name") + "."
                        + (c.text("where_description") == null ? "" : " " + c.text("where_description"));

        IncidentInput incident = new IncidentInput(title, Columns.clip(summary, 20000), null,
                CodeRef.of(violence == 3 ? "attack" : "armed-clash"), start, end,
                datePrecision(c.code("date_prec")), location, actors, casualties, List.of(), null,
                List.of(violenceLabel(violence)), List.of(new ExternalRef(ImportFormat.UCDP_GED.dataset, id)), null);
        return new Draft(line, incident, hints, sources);
    }

    private static void side(List<CasualtyInput> out, String side, Integer deaths) {
        if (side == null) {
            return;
        }
        ActorKind kind = kind(side);
        CasualtyCategory category = switch (kind) {
            case GOVERNMENT, STATE_FORCE -> CasualtyCategory.MILITARY;
            case CIVILIANS -> CasualtyCategory.CIVILIAN;
            default -> CasualtyCategory.MILITANT;
        };
        deaths(out, category, new Party(Ref.of(null, Columns.clip(side, 300)), null), deaths);
    }

    private static void deaths(List<CasualtyInput> out, CasualtyCategory category, Party affiliation, Integer deaths) {
        if (deaths != null && deaths > 0) {
            out.add(new CasualtyInput(null, category, affiliation, Figures.exactly(deaths), null, null, null, null, null));
        }
    }

    /** source_office, source_headline and source_date hold ;-separated lists, one entry per report. */
    private static List<SourceInput> sources(Columns c) {
        List<String> offices = c.split("source_office", ";");
        List<String> headlines = c.split("source_headline", ";");
        List<String> dates = c.split("source_date", ";");
        int n = Math.max(offices.size(), headlines.size());
        List<SourceInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String publisher = i < offices.size() ? offices.get(i) : "UCDP source";
            String headline = i < headlines.size() ? headlines.get(i) : null;
            LocalDate published = null;
            if (i < dates.size()) {
                try {
                    published = LocalDate.parse(dates.get(i).substring(0, Math.min(10, dates.get(i).length())));
                } catch (RuntimeException e) {
                    published = null;
                }
            }
            out.add(new SourceInput(Columns.clip(publisher, 200), null, Columns.clip(headline, 1000), published, null,
                    null));
        }
        return out;
    }

    static ActorKind kind(String side) {
        String v = side.toLowerCase(Locale.ROOT);
        if (v.startsWith("government of")) {
            return ActorKind.GOVERNMENT;
        }
        if (v.equals("civilians")) {
            return ActorKind.CIVILIANS;
        }
        return ActorKind.NON_STATE_ARMED_GROUP;
    }

    /** date_prec 1 = the day, 2-3 = within a week, 4 = within a month, 5 = only a longer period is known. */
    static DatePrecision datePrecision(Integer code) {
        if (code == null || code == 1) {
            return DatePrecision.DAY;
        }
        return switch (code) {
            case 2, 3 -> DatePrecision.WEEK;
            case 4 -> DatePrecision.MONTH;
            default -> DatePrecision.YEAR;
        };
    }

    /** where_prec 1 = the place, 2 = within 25 km, 3 = the district, 4-5 = the province or a region, 6-7 = the country. */
    static GeoPrecision geoPrecision(Integer code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case 1 -> GeoPrecision.EXACT;
            case 2 -> GeoPrecision.NEAR;
            case 3 -> GeoPrecision.ADMIN2;
            case 4, 5 -> GeoPrecision.ADMIN1;
            default -> GeoPrecision.COUNTRY;
        };
    }

    private static String violenceLabel(int violence) {
        return switch (violence) {
            case 1 -> "state-based-violence";
            case 2 -> "non-state-violence";
            default -> "one-sided-violence";
        };
    }
}

package org.incidentkb.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.common.CodeRef;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.CasualtyInput;
import org.incidentkb.incident.api.IncidentApi.IncidentActor;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.model.CasualtyCategory;
import org.incidentkb.incident.model.Confidence;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.GeoPrecision;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.Role;
import org.incidentkb.source.SourceApi.SourceInput;

/**
 * A row of an ACLED export as an incident: event and sub-event types onto the taxonomy, actor1 and its
 * associates as perpetrators and actor2 and its associates as targets (both as participants of a protest),
 * fatalities as the report's total killed, each source a cited report.
 */
final class AcledMapper implements RowMapper {

    private final Predicate<String> isCategory;
    private final Predicate<String> isType;

    /** With the knowledge base's tests of a category code and a type code. */
    AcledMapper(Predicate<String> isCategory, Predicate<String> isType) {
        this.isCategory = isCategory;
        this.isType = isType;
    }

    @Override
    public Draft map(Map<String, String> row, long line) {
        Columns c = new Columns(row);
        String eventId = c.required("event_id_cnty");
        var date = c.requiredDate("event_date");
        String category = Columns.slug(c.required("event_type"));
        if (!isCategory.test(category)) {
            throw new Columns.RowException("event_type '" + c.text("event_type") + "' is not an ACLED event type");
        }
        String type = Columns.slug(c.text("sub_event_type"));
        if (type != null && !isType.test(type)) {
            throw new Columns.RowException("sub_event_type '" + c.text("sub_event_type")
                    + "' is not an ACLED sub-event type");
        }

        String countryName = c.text("country");
        Location location = c.location("country", c.text("admin1"), c.text("admin2"), c.text("location"),
                geoPrecision(c.code("geo_precision")));
        String country = location.countryCode();

        Role[] roles = roles(category);
        Map<String, IncidentActor> actors = new LinkedHashMap<>();
        List<Draft.ActorHint> hints = new ArrayList<>();
        addActor(actors, hints, c.text("actor1"), roles[0], kind(c.text("inter1")), country);
        for (String associate : c.split("assoc_actor_1", ";")) {
            addActor(actors, hints, associate, roles[0], kind(c.text("inter1")), country);
        }
        addActor(actors, hints, c.text("actor2"), roles[1], kind(c.text("inter2")), country);
        for (String associate : c.split("assoc_actor_2", ";")) {
            addActor(actors, hints, associate, roles[1], kind(c.text("inter2")), country);
        }

        Integer fatalities = c.count("fatalities");
        List<CasualtyInput> casualties = fatalities == null ? List.of()
                : List.of(new CasualtyInput(null, CasualtyCategory.ALL, null, Columns.exactly(fatalities), null, null,
                        null, null, null));

        List<SourceInput> sources = c.split("source", ";").stream()
                .map(s -> new SourceInput(Columns.clip(s, 200), null, null, null, null, null)).toList();

        Set<String> tags = new LinkedHashSet<>();
        if (c.text("disorder_type") != null) {
            tags.add(Columns.clip("disorder:" + Columns.slug(c.text("disorder_type")), 100));
        }
        if (c.text("civilian_targeting") != null) {
            tags.add("civilian-targeting");
        }

        String place = c.text("location") != null ? c.text("location") : c.text("admin1");
        String label = c.text("sub_event_type") != null ? c.text("sub_event_type") : c.text("event_type");
        String title = Columns.clip(label + (place != null ? " in " + place : "")
                + (countryName != null ? ", " + countryName : ""), 300);
        IncidentInput incident = new IncidentInput(title, Columns.clip(c.text("notes"), 20000), CodeRef.of(category),
                type == null ? null : CodeRef.of(type), date, null, datePrecision(c.code("time_precision")), location,
                List.copyOf(actors.values()), casualties, List.of(), null, List.copyOf(tags),
                List.of(new ExternalRef(ImportFormat.ACLED.dataset, eventId)), null);
        return new Draft(line, incident, hints, sources);
    }

    /**
     * The roles of actor1 and actor2 as ACLED means them: who did it to whom in violence against civilians and
     * remote violence; two sides of a clash in battles and riots (ACLED's order says nothing of who attacked);
     * participants in protests and strategic developments.
     */
    static Role[] roles(String category) {
        return switch (category) {
            case "violence-against-civilians", "explosions-remote-violence" -> new Role[] { Role.PERPETRATOR, Role.TARGET };
            case "battles", "riots" -> new Role[] { Role.PARTY, Role.PARTY };
            default -> new Role[] { Role.OTHER, Role.OTHER };
        };
    }

    private static void addActor(Map<String, IncidentActor> actors, List<Draft.ActorHint> hints, String name, Role role,
            ActorKind kind, String country) {
        if (name == null) {
            return;
        }
        String clipped = Columns.clip(name, 300);
        String key = clipped.toLowerCase(Locale.ROOT) + "/" + role;
        if (actors.putIfAbsent(key, new IncidentActor(Ref.of(null, clipped), role, Confidence.CONFIRMED)) == null) {
            hints.add(new Draft.ActorHint(clipped, kind, kind == ActorKind.CIVILIANS ? null : country));
        }
    }

    /** inter codes (numbers in older exports, labels in newer ones). */
    static ActorKind kind(String inter) {
        if (inter == null) {
            return ActorKind.OTHER;
        }
        String v = inter.trim().toLowerCase(Locale.ROOT);
        if (v.equals("1") || v.startsWith("state forces")) {
            return ActorKind.STATE_FORCE;
        }
        if (v.equals("2") || v.startsWith("rebel")) {
            return ActorKind.NON_STATE_ARMED_GROUP;
        }
        if (v.equals("3") || v.equals("4") || v.contains("militia")) {
            return ActorKind.MILITIA;
        }
        if (v.equals("7") || v.startsWith("civilians")) {
            return ActorKind.CIVILIANS;
        }
        return ActorKind.OTHER;
    }

    /** time_precision 1 = the day, 2 = the week, 3 = the month is known. */
    static DatePrecision datePrecision(Integer code) {
        if (code == null || code == 1) {
            return DatePrecision.DAY;
        }
        return code == 2 ? DatePrecision.WEEK : DatePrecision.MONTH;
    }

    /** geo_precision 1 = the town, 2 = near it or part of a region, 3 = only the province is known. */
    static GeoPrecision geoPrecision(Integer code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case 1 -> GeoPrecision.EXACT;
            case 2 -> GeoPrecision.NEAR;
            default -> GeoPrecision.ADMIN1;
        };
    }
}

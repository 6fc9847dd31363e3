package org.incidentkb.incident.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.incidentkb.common.Figures;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.ClaimView;
import org.incidentkb.incident.api.IncidentApi.IncidentActor;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.ClaimStatus;
import org.incidentkb.incident.model.Confidence;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.GeoPrecision;
import org.incidentkb.incident.model.CasualtySummary;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.model.Stance;

/**
 * One incident as one flat CSV row: the columns a spreadsheet, pandas or R expects. Lists are joined with
 * "; " and a suspected participant is marked "(suspected)".
 */
@JsonPropertyOrder({ "id", "version", "title", "category", "type", "startDate", "endDate", "datePrecision",
        "countryCode", "country", "admin1", "admin2", "locality", "latitude", "longitude", "geoPrecision",
        "perpetrators", "perpetratorConfidence", "targets", "targetConfidence", "parties", "otherActors", "killedLow", "killedBest", "killedHigh", "injuredLow", "injuredBest",
        "injuredHigh", "claimStatus", "claimedBy", "deniedBy", "attributedTo", "sources", "tags", "externalRefs",
        "dataset", "summary", "createdAt", "updatedAt", "sameAs", "eventKilledLow", "eventKilledBest",
        "eventKilledHigh", "eventInjuredLow", "eventInjuredBest", "eventInjuredHigh" })
public record IncidentRow(
        long id, long version, String title, String category, String type, LocalDate startDate, LocalDate endDate,
        DatePrecision datePrecision, String countryCode, String country, String admin1, String admin2, String locality,
        Double latitude, Double longitude, GeoPrecision geoPrecision,
        String perpetrators, String perpetratorConfidence, String targets, String targetConfidence, String parties,
        String otherActors,
        Integer killedLow, Integer killedBest, Integer killedHigh,
        Integer injuredLow, Integer injuredBest, Integer injuredHigh,
        ClaimStatus claimStatus, String claimedBy, String deniedBy, String attributedTo,
        String sources, String tags, String externalRefs, String dataset, String summary, Instant createdAt,
        Instant updatedAt, String sameAs, Integer eventKilledLow, Integer eventKilledBest, Integer eventKilledHigh,
        Integer eventInjuredLow, Integer eventInjuredBest, Integer eventInjuredHigh) {

    /** The columns only a deduplicated list has: the event's other incidents and the figures it counts for. */
    static final java.util.Set<String> DEDUPLICATED = java.util.Set.of("sameAs", "eventKilledLow", "eventKilledBest",
            "eventKilledHigh", "eventInjuredLow", "eventInjuredBest", "eventInjuredHigh");

    /**
     * Between the items of a list column. Inside an item, a backslash or semicolon is escaped with a backslash
     * ("SECURITY\\; Vol. 10"), so splitting on an unescaped "; " gives the items back.
     */
    static final String SEPARATOR = "; ";

    /**
     * The row of an incident; {@code sameAs}, the other incidents of its event, and {@code counted}, the figures the
     * incident counts for (its event's, or its own when alone), only in a deduplicated list (the columns are there
     * only then).
     */
    public static IncidentRow from(IncidentView v, List<Long> sameAs, CasualtySummary counted) {
        Figures eventKilled = counted == null ? null : counted.killed();
        Figures eventInjured = counted == null ? null : counted.injured();
        Location l = v.location() == null ? new Location(null, null, null, null, null, null, null) : v.location();
        Figures killed = v.casualtySummary() == null ? null : v.casualtySummary().killed();
        Figures injured = v.casualtySummary() == null ? null : v.casualtySummary().injured();
        return new IncidentRow(v.id(), v.version(), v.title(), v.category().code(),
                v.type() == null ? null : v.type().code(), v.startDate(), v.endDate(), v.datePrecision(),
                l.countryCode(), l.country(), l.admin1(), l.admin2(), l.locality(), l.latitude(), l.longitude(),
                l.geoPrecision(), actors(v, Role.PERPETRATOR), confidence(v, Role.PERPETRATOR), actors(v, Role.TARGET),
                confidence(v, Role.TARGET), actors(v, Role.PARTY), actors(v, Role.OTHER),
                killed == null ? null : killed.low(), killed == null ? null : killed.best(),
                killed == null ? null : killed.high(), injured == null ? null : injured.low(),
                injured == null ? null : injured.best(), injured == null ? null : injured.high(),
                v.claimStatus(), claimants(v, Stance.CLAIMED), claimants(v, Stance.DENIED),
                claimants(v, Stance.ATTRIBUTED), join(v.sources(), Ref::name), join(v.tags(), Function.identity()),
                join(v.externalRefs(), ExternalRef::toString), v.dataset(), v.summary(), v.createdAt(), v.updatedAt(),
                sameAs == null ? null : join(sameAs, String::valueOf),
                eventKilled == null ? null : eventKilled.low(), eventKilled == null ? null : eventKilled.best(),
                eventKilled == null ? null : eventKilled.high(), eventInjured == null ? null : eventInjured.low(),
                eventInjured == null ? null : eventInjured.best(), eventInjured == null ? null : eventInjured.high());
    }

    static String actors(IncidentView v, Role role) {
        StringBuilder names = new StringBuilder();
        for (IncidentActor a : v.actors()) {
            if (a.role() == role) {
                append(names, a.actor().name());
            }
        }
        return names.isEmpty() ? null : names.toString();
    }

    /** CONFIRMED or SUSPECTED for each actor of {@link #actors}, in the same order. */
    static String confidence(IncidentView v, Role role) {
        StringBuilder confidences = new StringBuilder();
        for (IncidentActor a : v.actors()) {
            if (a.role() == role) {
                append(confidences, (a.confidence() == null ? Confidence.CONFIRMED : a.confidence()).name());
            }
        }
        return confidences.isEmpty() ? null : confidences.toString();
    }

    /** The names of the actors of the claims with this stance, each once, in the claims' order. */
    private static String claimants(IncidentView v, Stance stance) {
        StringBuilder names = new StringBuilder();
        Set<String> seen = new HashSet<>();
        for (ClaimView c : v.claims()) {
            if (c.stance() == stance && seen.add(c.actor().name())) {
                append(names, c.actor().name());
            }
        }
        return names.isEmpty() ? null : names.toString();
    }

    private static <T> String join(List<T> items, Function<T, String> label) {
        if (items.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (T item : items) {
            append(joined, label.apply(item));
        }
        return joined.toString();
    }

    /** One more item of a list column: after a separator unless it is the first, escaped. */
    private static void append(StringBuilder column, String item) {
        if (!column.isEmpty()) {
            column.append(SEPARATOR);
        }
        column.append(escape(item));
    }

    static String escape(String item) {
        return item == null ? "" : item.replace("\\", "\\\\").replace(";", "\\;");
    }

    /** Names of the participants in a role, for GeoJSON properties. */
    static List<String> names(IncidentView v, Role role) {
        return v.actors().stream().filter(a -> a.role() == role).map(IncidentActor::actor).map(Ref::name).toList();
    }
}

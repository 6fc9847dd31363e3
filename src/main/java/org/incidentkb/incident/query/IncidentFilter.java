package org.incidentkb.incident.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.incidentkb.common.Countries;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.TextFold;
import org.incidentkb.incident.model.ClaimStatus;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Role;

/**
 * The checked form of {@link IncidentQuery}: every value parsed, every reference resolved. Empty sets and nulls
 * mean "no condition". Values of one parameter are alternatives; parameters all apply.
 */
public record IncidentFilter(
        LocalDate from, LocalDate to,
        Set<String> countries, Set<String> admin1,
        Set<String> categories, Set<String> types,
        List<Involvement> involvements, Set<Long> claimedBy,
        Set<ClaimStatus> claimStatuses,
        Integer minKilled, Integer maxKilled, Integer minInjured, Integer maxInjured,
        BoundingBox bbox, Circle near,
        String text, Set<String> tags, Set<String> publishers, Set<ExternalRef> externalRefs,
        Instant updatedSince, boolean dedupeEvents, Set<Long> ids) {

    /** Most ids one batch read may name (a page's largest size). */
    public static final int MAX_IDS = 500;

    public static final double DEFAULT_RADIUS_KM = 25;

    /** Resolves what a filter names: actors by id, name or alias; event categories and types by code. */
    public interface Lookups {
        /** Ids of the actor with that id, or of the actors with that name or alias; empty when none. */
        Set<Long> actorIds(String idOrName);

        boolean isCategory(String code);

        boolean isType(String code);
    }

    /** A filter that matches every incident. */
    public static IncidentFilter none() {
        return new IncidentFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), List.of(), Set.of(), Set.of(),
                null, null, null, null, null, null, null, Set.of(), Set.of(), Set.of(), null, false, Set.of());
    }

    public static IncidentFilter parse(IncidentQuery q, Lookups lookups) {
        LocalDate from = Params.date("from", q.from);
        LocalDate to = Params.date("to", q.to);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        Set<String> countries = Params.mapEach(Params.values(q.country), c -> Countries.resolve(c).orElseThrow(
                () -> ProblemException.invalid("country", "'" + c + "' is not an ISO 3166-1 alpha-3 code or a country name")));
        Set<String> admin1 = Params.whole(q.admin1).stream().map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> categories = codes("category", q.category, lookups::isCategory);
        Set<String> types = codes("type", q.type, lookups::isType);

        Integer minKilled = Params.integer("minKilled", q.minKilled, 0, Integer.MAX_VALUE);
        Integer maxKilled = Params.integer("maxKilled", q.maxKilled, 0, Integer.MAX_VALUE);
        Integer minInjured = Params.integer("minInjured", q.minInjured, 0, Integer.MAX_VALUE);
        Integer maxInjured = Params.integer("maxInjured", q.maxInjured, 0, Integer.MAX_VALUE);
        if (minKilled != null && maxKilled != null && maxKilled < minKilled) {
            throw ProblemException.invalid("maxKilled", "must not be less than minKilled");
        }
        if (minInjured != null && maxInjured != null && maxInjured < minInjured) {
            throw ProblemException.invalid("maxInjured", "must not be less than minInjured");
        }

        Set<ExternalRef> refs = Params.mapEach(Params.whole(q.externalRef), IncidentFilter::externalRef);
        String text = Params.text("q", q.q, 200);
        if (text != null && TextFold.fold(text).length() < 3) {
            throw ProblemException.invalid("q", "needs at least 3 characters besides apostrophes, diacritics and "
                    + "hyphens at its ends: a shorter text is in too many incidents to search for (and no text index "
                    + "serves it)");
        }
        return new IncidentFilter(from, to, countries, admin1, categories, types,
                involvements(q, lookups), actors("claimedBy", q.claimedBy, lookups),
                Params.enums("claimStatus", q.claimStatus, ClaimStatus.class),
                minKilled, maxKilled, minInjured, maxInjured,
                BoundingBox.parse(q.bbox), Circle.parse(q.near, q.radiusKm),
                text, new LinkedHashSet<>(Params.whole(q.tag)),
                Params.whole(q.source).stream().map(s -> s.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                refs, Params.instant("updatedSince", q.updatedSince), dedupe(q.dedupe), ids(q.id));
    }

    /** This filter with a text and countries in place of its own. */
    public IncidentFilter withText(String text, Set<String> countries) {
        return new IncidentFilter(from, to, countries, admin1, categories, types, involvements, claimedBy,
                claimStatuses, minKilled, maxKilled, minInjured, maxInjured, bbox, near, text, tags, publishers,
                externalRefs, updatedSince, dedupeEvents, ids);
    }

    /** The same filter over every record, each event's members all counted (what it selects before deduplication). */
    public IncidentFilter withoutDedupe() {
        return new IncidentFilter(from, to, countries, admin1, categories, types, involvements, claimedBy,
                claimStatuses, minKilled, maxKilled, minInjured, maxInjured, bbox, near, text, tags, publishers,
                externalRefs, updatedSince, false, ids);
    }

    /** This filter narrowed to incidents in which the actor takes part (in one of the roles, or in any when empty). */
    public IncidentFilter withInvolvement(long actorId, Set<Role> roles) {
        List<Involvement> narrowed = new ArrayList<>(involvements);
        narrowed.add(new Involvement(Set.of(actorId), roles));
        return new IncidentFilter(from, to, countries, admin1, categories, types, List.copyOf(narrowed), claimedBy,
                claimStatuses, minKilled, maxKilled, minInjured, maxInjured, bbox, near, text, tags, publishers,
                externalRefs, updatedSince, dedupeEvents, ids);
    }

    /** {@code id=1,2,3}: the batch read, each id a whole number, at most {@link #MAX_IDS}. */
    private static Set<Long> ids(List<String> raw) {
        Set<Long> ids = Params.mapEach(Params.values(raw), value -> {
            try {
                long id = Long.parseLong(value);
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // the answer below
            }
            throw ProblemException.invalid("id", "'" + value + "' is not an incident id (a whole number from 1)");
        });
        if (ids.size() > MAX_IDS) {
            throw ProblemException.invalid("id", "names " + ids.size() + " ids; at most " + MAX_IDS + " at once");
        }
        return ids;
    }

    /** {@code dedupe=events}: one incident per event (incidents joined by SAME_EVENT links that are not rejected). */
    private static boolean dedupe(String value) {
        if (value == null || value.isBlank() || value.equals("none")) {
            return false;
        }
        if (value.equals("events")) {
            return true;
        }
        throw ProblemException.invalid("dedupe", "must be events (one incident per event) or none");
    }

    /** One of these actors takes part in one of these roles (any role when the set is empty). */
    public record Involvement(Set<Long> actorIds, Set<Role> roles) {
    }

    private static List<Involvement> involvements(IncidentQuery q, Lookups lookups) {
        List<Involvement> out = new ArrayList<>();
        Set<Long> any = actors("actor", q.actor, lookups);
        Set<Long> perpetrators = actors("perpetrator", q.perpetrator, lookups);
        Set<Long> targets = actors("target", q.target, lookups);
        Set<Long> parties = actors("party", q.party, lookups);
        if (!any.isEmpty()) {
            out.add(new Involvement(any, Set.of()));
        }
        if (!perpetrators.isEmpty()) {
            out.add(new Involvement(perpetrators, Set.of(Role.PERPETRATOR)));
        }
        if (!targets.isEmpty()) {
            out.add(new Involvement(targets, Set.of(Role.TARGET)));
        }
        if (!parties.isEmpty()) {
            out.add(new Involvement(parties, Set.of(Role.PARTY)));
        }
        return List.copyOf(out);
    }

    private static Set<String> codes(String name, List<String> raw, java.util.function.Predicate<String> known) {
        return Params.mapEach(Params.values(raw), code -> {
            String c = code.toLowerCase(Locale.ROOT);
            if (!known.test(c)) {
                throw ProblemException.invalid(name, "unknown " + (name.equals("type") ? "event type" : "event category")
                        + " '" + code + "'; see GET /api/v1/event-types");
            }
            return c;
        });
    }

    private static Set<Long> actors(String name, List<String> raw, Lookups lookups) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : Params.whole(raw)) {
            Set<Long> found = lookups.actorIds(value);
            if (found.isEmpty()) {
                throw ProblemException.invalid(name, "no actor has the id, name or alias '" + value + "'");
            }
            ids.addAll(found);
        }
        return ids;
    }

    private static ExternalRef externalRef(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw ProblemException.invalid("externalRef", "'" + value + "' is not DATASET:ID (e.g. GTD:200109110004)");
        }
        return new ExternalRef(value.substring(0, colon), value.substring(colon + 1));
    }

    /** minLon,minLat,maxLon,maxLat; minLon > maxLon means the box crosses the antimeridian. */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

        static BoundingBox parse(String value) {
            double[] v = Params.decimals("bbox", value, 4, "minLon,minLat,maxLon,maxLat (four numbers)");
            if (v == null) {
                return null;
            }
            if (Math.abs(v[0]) > 180 || Math.abs(v[2]) > 180) {
                throw ProblemException.invalid("bbox", "longitudes must be between -180 and 180");
            }
            if (Math.abs(v[1]) > 90 || Math.abs(v[3]) > 90) {
                throw ProblemException.invalid("bbox", "latitudes must be between -90 and 90");
            }
            if (v[1] > v[3]) {
                throw ProblemException.invalid("bbox", "minLat must not be greater than maxLat");
            }
            return new BoundingBox(v[0], v[1], v[2], v[3]);
        }
    }

    /** The points within radiusKm of (lat, lon), on a sphere of the Earth's mean radius. */
    public record Circle(double lat, double lon, double radiusKm) {

        static Circle parse(String near, String radius) {
            double[] v = Params.decimals("near", near, 2, "lat,lon (two numbers)");
            Double r = Params.decimal("radiusKm", radius, 0, 20_000);
            if (v == null) {
                if (r != null) {
                    throw ProblemException.invalid("radiusKm", "needs near=lat,lon");
                }
                return null;
            }
            if (Math.abs(v[0]) > 90 || Math.abs(v[1]) > 180) {
                throw ProblemException.invalid("near", "latitude must be between -90 and 90, longitude between -180 and 180");
            }
            return new Circle(v[0], v[1], r == null ? DEFAULT_RADIUS_KM : r);
        }
    }
}

package org.incidentkb.incident.query;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.incidentkb.incident.model.ClaimStatus;

/**
 * The filter parameters shared by the incident list, its exports, the statistics and an actor's incidents.
 * Values arrive as text and are checked by {@link IncidentFilter}, so each bad value is a 400 naming its parameter.
 * A repeated parameter (or a comma-separated value) matches any of its values; different parameters all apply.
 */
public class IncidentQuery {

    @QueryParam("from")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"),
            description = "Incidents on or after this day (an incident over several days matches when any of its "
            + "days is in range) (e.g. `2024-01-01`)")
    public String from;

    @QueryParam("to")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date"),
            description = "Incidents on or before this day (inclusive) (e.g. `2024-01-31`)")
    public String to;

    @QueryParam("country")
    @Parameter(description = "Country as ISO 3166-1 alpha-3 code or English name; repeatable (e.g. `IRQ`)")
    public List<String> country;

    @QueryParam("admin1")
    @Parameter(description = "First-level administrative division (governorate, province), case-insensitive; "
            + "repeatable (e.g. `Erbil`)")
    public List<String> admin1;

    @QueryParam("category")
    @Parameter(description = "Event category code (see /event-types); repeatable (e.g. `explosions-remote-violence`)")
    public List<String> category;

    @QueryParam("type")
    @Parameter(description = "Event type code (see /event-types); repeatable (e.g. `air-drone-strike`)")
    public List<String> type;

    @QueryParam("actor")
    @Parameter(description = "An actor in any role, by id, name or alias (case-insensitive); repeatable (e.g. `Kataib Hezbollah`)")
    public List<String> actor;

    @QueryParam("perpetrator")
    @Parameter(description = "A perpetrator (confirmed or suspected), by id, name or alias; repeatable (e.g. `IRGC`)")
    public List<String> perpetrator;

    @QueryParam("target")
    @Parameter(description = "A target, by id, name or alias; repeatable (e.g. `United States Armed Forces`)")
    public List<String> target;

    @QueryParam("party")
    @Parameter(description = "A side of a clash (role PARTY: a battle's or riot's actors, UCDP's sides of state-based "
            + "and non-state conflict), by id, name or alias; repeatable (e.g. `Islamic State`)")
    public List<String> party;

    @QueryParam("claimedBy")
    @Parameter(description = "An actor that claimed the incident (stance CLAIMED), by id, name or alias; repeatable (e.g. `Islamic Resistance in Iraq`)")
    public List<String> claimedBy;

    @QueryParam("claimStatus")
    @Parameter(description = "UNCLAIMED, CLAIMED or COMPETING; repeatable (e.g. `CLAIMED`)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ClaimStatus.class))
    public List<String> claimStatus;

    @QueryParam("minKilled")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER),
            description = "At least this many killed (best estimate) (e.g. `1`)")
    public String minKilled;

    @QueryParam("maxKilled")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER),
            description = "At most this many killed (best estimate); incidents without a figure do not match (e.g. `10`)")
    public String maxKilled;

    @QueryParam("minInjured")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER),
            description = "At least this many injured (best estimate) (e.g. `1`)")
    public String minInjured;

    @QueryParam("maxInjured")
    @Parameter(schema = @Schema(type = SchemaType.INTEGER),
            description = "At most this many injured (best estimate) (e.g. `50`)")
    public String maxInjured;

    @QueryParam("bbox")
    @Parameter(description = "Bounding box minLon,minLat,maxLon,maxLat (WGS 84); minLon > maxLon crosses the "
            + "antimeridian (e.g. `43.9,36.0,44.2,36.3`)")
    public String bbox;

    @QueryParam("near")
    @Parameter(description = "A point lat,lon; with radiusKm, incidents within that great-circle distance (e.g. `33.3152,44.3661`)")
    public String near;

    @QueryParam("radiusKm")
    @Parameter(schema = @Schema(type = SchemaType.NUMBER),
            description = "Radius around `near` in kilometres, 0 to 20000 (default 25) (e.g. `30`)")
    public String radiusKm;

    @QueryParam("dedupe")
    @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "none", "events" }),
            description = "`events`: count each event once. Incidents joined by SAME_EVENT links that are not rejected "
            + "(the same event in several datasets) are one event: a list shows one incident of it (from the dataset "
            + "first in kb.links.dataset-priority, API-entered first) with `sameAs`, the ids of the others (in CSV a "
            + "column `sameAs`, ids joined with `; `; in GeoJSON a property), and `eventCasualties`, the figures it counts "
            + "for: its event's, or its own when alone (CSV columns `eventKilledLow` ... `eventInjuredHigh`; GeoJSON "
            + "`eventKilled`, `eventInjured`). An event's figure is one triple, low <= best <= high: best = the best of "
            + "the first member in that priority that knows it, low = the smallest known low (never above best), high = "
            + "the largest known high (never below best; null when a member with a figure has no upper bound); unknown "
            + "only when no member knows. Statistics count the event once, where the shown incident falls, with that "
            + "triple. Default `none` (e.g. `events`)")
    public String dedupe;

    @QueryParam("q")
    @Parameter(description = "Text in the title, summary, locality or a casualty's name: a substring, case-insensitive, in "
            + "any script, 3 to 200 characters; answered from a trigram index. Spelling variants are one: diacritics "
            + "(`Baquba` finds `Baʿqūbah`), apostrophes and hyphens (`al Qaim` finds `al-Qa'im`), Arabic letter "
            + "variants (alef with hamza or madda, teh marbuta and heh, alef maksura and yeh; tatweel and harakat "
            + "ignored), Kurdish and Persian letters and their Arabic counterparts (ک and ك, ی and ي, ە and ه), "
            + "Arabic-Indic digits (e.g. `Abu Taqwa`, `القائم`, `حلبجة`)")
    public String q;

    @QueryParam("id")
    @Parameter(description = "Incident ids, comma-separated or repeated, at most 500: reads several incidents in one "
            + "call (ids that do not exist are simply not in the page; combine with size to get them all on one page) "
            + "(e.g. `1,2,3`)", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class))
    public List<String> id;

    @QueryParam("tag")
    @Parameter(description = "A tag; repeatable (e.g. `attacks-on-us-forces`)")
    public List<String> tag;

    @QueryParam("source")
    @Parameter(description = "Publisher of a cited source (case-insensitive); repeatable (e.g. `Rudaw`)")
    public List<String> source;

    @QueryParam("externalRef")
    @Parameter(description = "An id in another dataset as DATASET:ID; repeatable (e.g. `GTD:200109110004`)")
    public List<String> externalRef;

    @QueryParam("updatedSince")
    @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time"),
            description = "The change feed: incidents created, changed or deleted at or after this instant, in "
            + "update order (oldest first); deleted ones appear as tombstones {id, deleted: true, deletedAt} (e.g. `2024-01-01T00:00:00Z`)")
    public String updatedSince;
}

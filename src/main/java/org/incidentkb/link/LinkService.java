package org.incidentkb.link;

import static org.incidentkb.link.LinkSchema.EXTERNAL_REF;
import static org.incidentkb.link.LinkSchema.INCIDENT;
import static org.incidentkb.link.LinkSchema.INCIDENT_COUNTRY;
import static org.incidentkb.link.LinkSchema.INCIDENT_ID;
import static org.incidentkb.link.LinkSchema.INCIDENT_START;
import static org.incidentkb.link.LinkSchema.INCIDENT_TITLE;
import static org.incidentkb.link.LinkSchema.LINK;
import static org.incidentkb.link.LinkSchema.LINK_FROM;
import static org.incidentkb.link.LinkSchema.LINK_ID;
import static org.incidentkb.link.LinkSchema.LINK_RELATION;
import static org.incidentkb.link.LinkSchema.LINK_SCORE;
import static org.incidentkb.link.LinkSchema.LINK_STATUS;
import static org.incidentkb.link.LinkSchema.LINK_TO;
import static org.incidentkb.link.LinkSchema.REF_DATASET;
import static org.incidentkb.link.LinkSchema.REF_INCIDENT;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.selectOne;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.incidentkb.common.Database;
import org.incidentkb.common.Datasets;
import org.incidentkb.common.ETags;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentChanges;
import org.incidentkb.link.LinkApi.Evidence;
import org.incidentkb.link.LinkApi.IncidentRef;
import org.incidentkb.link.LinkApi.LinkInput;
import org.incidentkb.link.LinkApi.LinkView;
import org.incidentkb.link.LinkRevision.Operation;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Links between incidents as editors make and decide them: one link per pair and relation, never an incident to
 * itself or to one that does not exist; every change in the history of both incidents; SAME_EVENT links keep the
 * events ({@link EventGroups}) true.
 */
@ApplicationScoped
public class LinkService {

    private static final String CURSOR = "link:";
    private final LinkRepository links;
    private final LinkRevisions revisions;
    private final IncidentRepository incidents;
    private final EventGroups events;
    private final Database database;
    private final MergePatch mergePatch;
    private final IncidentChanges changes;

    public LinkService(LinkRepository links, LinkRevisions revisions, IncidentRepository incidents, EventGroups events,
            Database database, MergePatch mergePatch, IncidentChanges changes) {
        this.links = links;
        this.revisions = revisions;
        this.incidents = incidents;
        this.events = events;
        this.database = database;
        this.mergePatch = mergePatch;
        this.changes = changes;
    }

    /** What GET /links may filter on; empty sets and nulls mean "no condition". */
    public record LinkFilter(Set<Link.Status> statuses, Set<Link.Relation> relations, Set<String> datasets,
            Double minScore, Set<String> countries) {
    }

    /** What an editor may change on a link (PATCH /links/{id}). */
    public record LinkUpdate(@jakarta.validation.constraints.NotNull Link.Status status,
            @jakarta.validation.constraints.Size(max = 2000) String note) {
    }

    /** An incident's links, both ways; empty when it has none, absent when there is no such incident. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<LinkView>> ofIncident(long incidentId, boolean withAuthors) {
        if (incidents.findByIdOptional(incidentId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(views(links.of(incidentId), withAuthors));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LinkView> get(long id, boolean withAuthors) {
        return links.findByIdOptional(id).map(l -> views(List.of(l), withAuthors).get(0));
    }

    /** The orders of the review queue. */
    public enum Order {
        ID, UNCERTAINTY
    }

    /**
     * The review queue: links by id, or (byUncertainty) those whose score is nearest matching's default threshold
     * first, filtered; a page by number or, by id, after a keyset cursor (the last id seen).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Slice<LinkView> search(LinkFilter filter, Paging paging, boolean withAuthors, boolean byUncertainty) {
        Condition where = where(filter);
        Condition page = paging.byCursor() ? where.and(LINK_ID.gt(cursorId(paging.after()))) : where;
        int offset = paging.byCursor() ? 0 : paging.offset();
        List<org.jooq.SortField<?>> order = byUncertainty
                ? List.of(DSL.abs(LINK_SCORE.minus(DSL.inline(MatchingRequest.DEFAULT_MIN_SCORE))).asc().nullsLast(),
                        LINK_ID.asc())
                : List.of(LINK_ID.asc());
        List<Long> ids = new ArrayList<>(database.read(sql -> sql.select(LINK_ID).from(LINK).where(page)
                .orderBy(order).offset(offset).limit(paging.size() + 1).fetch(LINK_ID)));
        boolean more = ids.size() > paging.size();
        if (more) {
            ids.remove(ids.size() - 1);
        }
        long total = database.read(sql -> sql.selectCount().from(LINK).where(where).fetchOne(0, Long.class));
        Map<Long, Link> found = new HashMap<>();
        if (!ids.isEmpty()) {
            links.list("id in ?1", ids).forEach(l -> found.put(l.getId(), l));
        }
        return new Paging.Slice<>(views(ids.stream().map(found::get).filter(Objects::nonNull).toList(), withAuthors),
                total, more ? cursor(ids.get(ids.size() - 1)) : null);
    }

    /** The opaque cursor after a link: its id, so the next page starts at an index range. */
    private static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long cursorId(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(CURSOR)) {
                return Long.parseLong(text.substring(CURSOR.length()));
            }
        } catch (IllegalArgumentException e) {
            // not base64, or no number after the prefix: the answer below
        }
        throw ProblemException.invalid("after", "not a cursor returned by GET /links");
    }

    /** An editor's link from one incident to another: CONFIRMED at once, decided by the editor. */
    @Transactional
    public LinkView create(long fromId, LinkInput input) {
        events.lock();
        if (incidents.findByIdOptional(fromId).isEmpty()) {
            throw ProblemException.notFound("Incident", fromId);
        }
        Long toId = input.to().id();
        if (toId == null) {
            throw ProblemException.invalid("to.id", "must give the id of the incident to link to");
        }
        if (toId == fromId) {
            throw ProblemException.invalid("to.id", "an incident cannot be linked to itself");
        }
        if (incidents.findByIdOptional(toId).isEmpty()) {
            throw ProblemException.invalid("to.id", "no incident has the id " + toId + " (it may have been deleted)");
        }
        if (input.relation() == Link.Relation.PART_OF && links.partOfReaches(toId, fromId)) {
            throw ProblemException.conflict("Incident " + toId + " is already part of incident " + fromId
                    + " (through PART_OF links), so " + fromId + " cannot be part of " + toId + ": that would be a cycle");
        }
        links.between(fromId, toId, input.relation()).ifPresent(existing -> {
            throw ProblemException.conflict("Incidents " + fromId + " and " + toId + " are already linked as "
                    + input.relation() + " (link " + existing.getId() + "); change that link instead");
        });
        String author = changes.currentUser();
        Link link = new Link(fromId, toId, input.relation(), Link.Status.CONFIRMED);
        link.setNote(blankToNull(input.note()));
        link.setCreatedBy(author);
        link.decided(author, Timestamps.now());
        links.persist(link);
        links.flush();
        revisions.record(link, Operation.CREATE, List.of("links"), author);
        if (link.getRelation() == Link.Relation.SAME_EVENT) {
            events.recompute(List.of(fromId, toId));
        }
        return views(List.of(link), true).get(0);
    }

    /** Confirms or rejects a link, or changes its note (JSON Merge Patch of {status, note}). */
    @Transactional
    public Optional<LinkView> patch(long id, JsonNode patch, Long ifMatch) {
        events.lock();
        Optional<Link> found = ETags.forWrite(links.findByIdOptional(id), "Link", id, ifMatch, null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Link link = found.get();
        LinkUpdate update = mergePatch.apply(new LinkUpdate(link.getStatus(), link.getNote()), patch, LinkUpdate.class);
        List<String> fields = new ArrayList<>();
        String author = changes.currentUser();
        Link.Status before = link.getStatus();
        if (update.status() != before) {
            if (link.getRelation() == Link.Relation.PART_OF && before == Link.Status.REJECTED
                    && links.partOfReaches(link.getToId(), link.getFromId())) {
                throw ProblemException.conflict("Incident " + link.getToId() + " is now part of incident "
                        + link.getFromId() + " through other PART_OF links, so this link cannot stand again: that "
                        + "would be a cycle");
            }
            fields.add("links.status");
            link.setStatus(update.status());
            link.decided(update.status() == Link.Status.PROPOSED ? null : author,
                    update.status() == Link.Status.PROPOSED ? null : Timestamps.now());
        }
        String note = blankToNull(update.note());
        if (!Objects.equals(note, link.getNote())) {
            fields.add("links.note");
            link.setNote(note);
        }
        if (!fields.isEmpty()) {
            link.touch();
            links.flush();
            revisions.record(link, Operation.UPDATE, fields, author);
            if (link.getRelation() == Link.Relation.SAME_EVENT
                    && (before == Link.Status.REJECTED) != (link.getStatus() == Link.Status.REJECTED)) {
                events.recompute(List.of(link.getFromId(), link.getToId()));
            }
        }
        return Optional.of(views(List.of(link), true).get(0));
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        events.lock();
        Optional<Link> found = ETags.forWrite(links.findByIdOptional(id), "Link", id, ifMatch, null);
        if (found.isEmpty()) {
            return false;
        }
        Link link = found.get();
        revisions.record(link, Operation.DELETE, List.of("links"), changes.currentUser());
        links.delete(link);
        links.flush();
        if (link.getRelation() == Link.Relation.SAME_EVENT) {
            events.recompute(List.of(link.getFromId(), link.getToId()));
        }
        return true;
    }

    private static Condition where(LinkFilter f) {
        Condition where = noCondition();
        if (!f.statuses().isEmpty()) {
            where = where.and(LINK_STATUS.in(f.statuses().stream().map(Enum::name).toList()));
        }
        if (!f.relations().isEmpty()) {
            where = where.and(LINK_RELATION.in(f.relations().stream().map(Enum::name).toList()));
        }
        if (f.minScore() != null) {
            where = where.and(LINK_SCORE.ge(f.minScore()));
        }
        if (!f.datasets().isEmpty()) {
            where = where.and(exists(selectOne().from(EXTERNAL_REF).where(REF_INCIDENT.in(LINK_FROM, LINK_TO))
                    .and(REF_DATASET.in(f.datasets()))));
        }
        if (!f.countries().isEmpty()) {
            where = where.and(exists(selectOne().from(INCIDENT).where(INCIDENT_ID.in(LINK_FROM, LINK_TO))
                    .and(INCIDENT_COUNTRY.in(f.countries()))));
        }
        return where;
    }

    /** The links as the API shows them, with both incidents' title, date and dataset. */
    List<LinkView> views(List<Link> list, boolean withAuthors) {
        Set<Long> ids = new HashSet<>();
        list.forEach(l -> {
            ids.add(l.getFromId());
            ids.add(l.getToId());
        });
        Map<Long, IncidentRef> refs = refs(ids);
        return list.stream().map(l -> new LinkView(l.getId(), l.getVersion(), refs.get(l.getFromId()),
                refs.get(l.getToId()), l.getRelation(), l.getStatus(), l.getScore(), evidence(l), l.getNote(),
                withAuthors ? l.getCreatedBy() : null, l.getCreatedAt(), withAuthors ? l.getDecidedBy() : null,
                l.getDecidedAt(), withAuthors ? l.getRestoredBy() : null, l.getRestoredAt())).toList();
    }

    private Map<Long, IncidentRef> refs(Collection<Long> ids) {
        Map<Long, IncidentRef> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Map<Long, List<String>> datasets = new HashMap<>();
        database.read(sql -> sql.select(REF_INCIDENT, REF_DATASET).from(EXTERNAL_REF).where(REF_INCIDENT.in(ids))
                .fetch()).forEach(r -> datasets.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        database.read(sql -> sql.select(INCIDENT_ID, INCIDENT_TITLE, INCIDENT_START).from(INCIDENT)
                .where(INCIDENT_ID.in(ids)).fetch()).forEach(r -> {
                    LocalDate start = r.value3();
                    out.put(r.value1(), new IncidentRef(r.value1(), r.value2(), start,
                            Datasets.origin(datasets.getOrDefault(r.value1(), List.of()), d -> d)));
                });
        return out;
    }

    private static Evidence evidence(Link l) {
        if (l.getScore() == null && l.getDistanceKm() == null && l.getTypeMatch() == null) {
            return null;
        }
        return new Evidence(l.getDistanceKm(), l.getDaysApart(), l.getTypeMatch(), sharedActors(l.getSharedActors()),
                l.getCarriedBy());
    }

    /** The {@code id:name} lines a matching run stored. */
    static List<Ref> sharedActors(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<Ref> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            int colon = line.indexOf(':');
            out.add(Ref.of(Long.valueOf(line.substring(0, colon)), line.substring(colon + 1)));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

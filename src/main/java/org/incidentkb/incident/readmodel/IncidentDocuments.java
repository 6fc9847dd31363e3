package org.incidentkb.incident.readmodel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Database;
import org.incidentkb.common.LabelChanged;
import org.incidentkb.common.ReadRouting;
import org.incidentkb.common.ReplicaConnections;
import org.incidentkb.incident.api.IncidentApi.ClaimView;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.api.StoredJson;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentsChanged;
import org.incidentkb.incident.write.Projection;
import org.incidentkb.common.schema.Tables;
import org.incidentkb.common.schema.tables.DocumentEpoch;
import org.incidentkb.common.schema.tables.Incident;
import org.incidentkb.common.schema.tables.IncidentDocument;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * The read model of incidents: each one's representation as stored JSON (gzip), kept current in the transaction of
 * every write to it, so reading an incident by id is one primary-key lookup and no entity graph is loaded.
 */
@ApplicationScoped
public class IncidentDocuments implements Projection {

    private final EntityManager em;
    private final ObjectMapper json;
    private final ReadRouting routing;
    private final ReplicaConnections connections;
    private final jakarta.enterprise.event.Event<DocumentsDropped> rebuildAfterCommit;
    /** Stores a representation over whatever is stored for the incident, waiting for a rebuilder storing one now. */
    private final Database database;
    private final IncidentRepository incidents;
    /** The read of one document by id, rendered once: it runs on every read by id, over plain JDBC. */
    private final String byId;
    private static final IncidentDocument DOC = Tables.INCIDENT_DOCUMENT;
    private static final Incident INCIDENT = Tables.INCIDENT;
    private static final DocumentEpoch EPOCH = Tables.DOCUMENT_EPOCH;
    /**
     * Reads a stored incident for a flat row: a plain mapper (the documents were written by this service, so the
     * checks of request bodies are not needed), skipping what no CSV column or GeoJSON property shows.
     */
    private static final ObjectReader FLAT_READER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(IncidentView.class, FlatIncident.class).addMixIn(ClaimView.class, FlatClaim.class).build()
            .readerFor(IncidentView.class);

    public IncidentDocuments(EntityManager em, ObjectMapper json, @PersistenceUnitExtension ReadRouting routing,
            @PersistenceUnitExtension ReplicaConnections connections, Database database, IncidentRepository incidents,
            jakarta.enterprise.event.Event<DocumentsDropped> rebuildAfterCommit) {
        this.em = em;
        this.rebuildAfterCommit = rebuildAfterCommit;
        this.database = database;
        this.incidents = incidents;
        this.byId = database.renderer().render(DSL.select(DOC.VERSION, DOC.BODY).from(DOC)
                .where(DOC.INCIDENT_ID.eq(DSL.param("id", Long.class))));
        this.json = json;
        this.routing = routing;
        this.connections = connections;
    }

    /** The casualty records (the longest part) and the uid; the rows show the casualty summary. */
    @JsonIgnoreProperties({ "casualties", "uid" })
    private abstract static class FlatIncident {
    }

    /** A claim shows in a row as its actor under its stance. */
    @JsonIgnoreProperties({ "id", "version", "statedBy", "statedOn", "channel", "quote", "credibility", "source",
            "createdAt", "updatedAt" })
    private abstract static class FlatClaim {
    }

    /** A stored representation: its version and its JSON (gzip). */
    public record Stored(long version, byte[] gzippedJson) {

        public byte[] json() {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzippedJson))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final BulkRows.Table DOCUMENT = new BulkRows.Table(DOC.getName(), DOC.INCIDENT_ID.getName(),
            DOC.VERSION.getName(), DOC.BODY.getName());
    private static final int FORGET_CHUNK = 1_000;
    /** From how many documents one read decodes them in parallel: an export's chunks, not a list's pages. */
    private static final int PARALLEL_DECODE = 200;

    /**
     * Stores the representation of every incident a recorded change left (a deleted one's document goes with its
     * row): new incidents' documents written in bulk (COPY on PostgreSQL), changed ones' replaced in JDBC batches.
     */
    @Override
    public Projection.Step step() {
        return Projection.Step.DOCUMENTS;
    }

    @Override
    public void apply(IncidentsChanged changed) {
        BulkRows created = new BulkRows();
        List<IncidentView> replaced = new ArrayList<>();
        List<IncidentView> after = changed.afters();
        if (after.isEmpty()) {
            return;
        }
        // The labels' generation locked until this write commits (a rename moves it first, before it drops the
        // documents that show the old label): no rename commits from here to this commit, and one that committed while
        // this write ran shows in the labels read now. A document built from a label renamed since is not stored (and
        // the old one goes); the rebuilder stores it after this commit. Every writer of documents takes the generation
        // before their rows, a rename too, so none waits on another crosswise.
        lockEpoch();
        Set<Long> stale = withOldLabels(after);
        if (!stale.isEmpty()) {
            forgetIncidents(stale);
        }
        for (IncidentsChanged.Change change : changed.changes()) {
            if (change.after() == null || stale.contains(change.after().id())) {
                continue;
            }
            if (change.before() == null) {
                created.add(DOCUMENT, change.after().id(), change.after().version(), gzip(change.after()));
            } else {
                replaced.add(change.after());
            }
        }
        created.write(em, List.of(DOCUMENT));
        replaceAll(replaced);
    }

    /**
     * The incidents whose representations show an actor's name or a source's publisher other than the one committed
     * now: labels the write read before a rename committed. Two queries, whatever the number of incidents.
     */
    @SuppressWarnings("unchecked")
    private Set<Long> withOldLabels(List<IncidentView> views) {
        Map<Long, String> actors = new HashMap<>();
        Map<Long, String> sources = new HashMap<>();
        for (IncidentView v : views) {
            v.actors().forEach(a -> label(actors, a.actor()));
            v.claims().forEach(c -> {
                label(actors, c.actor());
                label(actors, c.statedBy() == null ? null : c.statedBy().actor());
                label(sources, c.source());
            });
            v.casualties().forEach(c -> {
                label(actors, c.affiliation() == null ? null : c.affiliation().actor());
                label(sources, c.source());
            });
            v.sources().forEach(r -> label(sources, r));
        }
        Set<Long> renamedActors = renamed(actors, ids -> DSL.select(Tables.ACTOR.ID, Tables.ACTOR.NAME)
                .from(Tables.ACTOR).where(Tables.ACTOR.ID.in(ids)));
        Set<Long> renamedSources = renamed(sources, ids -> DSL.select(Tables.SOURCE.ID, Tables.SOURCE.PUBLISHER)
                .from(Tables.SOURCE).where(Tables.SOURCE.ID.in(ids)));
        if (renamedActors.isEmpty() && renamedSources.isEmpty()) {
            return Set.of();
        }
        Set<Long> stale = new HashSet<>();
        for (IncidentView v : views) {
            boolean old = v.actors().stream().anyMatch(a -> shows(renamedActors, a.actor()))
                    || v.claims().stream().anyMatch(c -> shows(renamedActors, c.actor())
                            || c.statedBy() != null && shows(renamedActors, c.statedBy().actor())
                            || shows(renamedSources, c.source()))
                    || v.casualties().stream().anyMatch(c -> c.affiliation() != null
                            && shows(renamedActors, c.affiliation().actor()) || shows(renamedSources, c.source()))
                    || v.sources().stream().anyMatch(r -> shows(renamedSources, r));
            if (old) {
                stale.add(v.id());
            }
        }
        return stale;
    }

    private static void label(Map<Long, String> labels, org.incidentkb.common.Ref ref) {
        if (ref != null && ref.id() != null) {
            labels.put(ref.id(), ref.name());
        }
    }

    private static boolean shows(Set<Long> renamed, org.incidentkb.common.Ref ref) {
        return ref != null && ref.id() != null && renamed.contains(ref.id());
    }

    /** The ids whose label as committed now differs from the one shown ({@code labels} selects id and label). */
    private Set<Long> renamed(Map<Long, String> shown, Function<List<Long>, Select<Record2<Long, String>>> labels) {
        if (shown.isEmpty()) {
            return Set.of();
        }
        Set<Long> renamed = new HashSet<>();
        List<Long> ids = List.copyOf(shown.keySet());
        for (int from = 0; from < ids.size(); from += FORGET_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + FORGET_CHUNK));
            for (Record2<Long, String> row : database.flushed(sql -> sql.fetch(labels.apply(chunk)))) {
                if (!Objects.equals(shown.get(row.value1()), row.value2())) {
                    renamed.add(row.value1());
                }
            }
        }
        return renamed;
    }

    /**
     * Replaces the stored representations of these incidents, in one statement per incident that updates the row or
     * inserts it: a rebuilder storing the missing document of one of them at the same moment (after a rename) is
     * waited for and overwritten, rather than making this write fail on the duplicate.
     */
    private void replaceAll(List<IncidentView> views) {
        if (views.isEmpty()) {
            return;
        }
        database.flushed(sql -> {
            var store = sql.batch(sql.insertInto(DOC, DOC.INCIDENT_ID, DOC.VERSION, DOC.BODY)
                    .values((Long) null, null, null).onConflict(DOC.INCIDENT_ID).doUpdate()
                    .set(DOC.VERSION, DSL.excluded(DOC.VERSION)).set(DOC.BODY, DSL.excluded(DOC.BODY)));
            for (IncidentView v : views) {
                store = store.bind(v.id(), v.version(), gzip(v));
            }
            return store.execute();
        });
    }

    /**
     * Stores a representation built by a read, unless a writer has stored one meanwhile or the incident has moved on
     * from that version: a read never overwrites what a write stored.
     */
    public void storeIfAbsent(Stored doc, long id) {
        database.flushed(sql -> sql.insertInto(DOC, DOC.INCIDENT_ID, DOC.VERSION, DOC.BODY)
                .select(DSL.select(INCIDENT.ID, INCIDENT.VERSION, DSL.val(doc.gzippedJson())).from(INCIDENT)
                        .where(INCIDENT.ID.eq(id)).and(INCIDENT.VERSION.eq(doc.version()))
                        .andNotExists(DSL.selectOne().from(DOC).where(DOC.INCIDENT_ID.eq(id))))
                .execute());
    }

    /** Locks the incidents' rows until the transaction ends, in id order: no write or delete of them meanwhile. */
    public void lockIncidents(List<Long> ids) {
        incidents.lockInIdOrder(ids);
    }

    /** A representation as it would be stored. */
    public Stored of(IncidentView view) {
        return new Stored(view.version(), gzip(view));
    }

    /**
     * The stored representation of an incident, if it has one: one primary-key read over plain JDBC, on a connection
     * of the request's database (see ReadRouting), without opening a Hibernate session.
     */
    public Optional<Stored> find(long id) {
        return byId(byId, id, row -> new Stored(row.getLong(1), row.getBytes(2)));
    }

    /**
     * The stored representations of these incidents, read back as views for the flat formats (CSV rows, GeoJSON
     * features): without their casualty records, which those show only as the summary; by id. Incidents without a
     * (readable) document are absent from the map and left to the caller to build.
     */
    public Map<Long, IncidentView> flatViews(List<Long> ids) {
        return decoded(ids, gzipped -> {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return FLAT_READER.readValue(in);
            } catch (IOException e) {
                return null; // an unreadable document is rebuilt from the entities by the caller
            }
        });
    }

    /**
     * The stored representations of these incidents as JSON text, by id, without reading them; incidents without a
     * document are absent from the map.
     */
    public Map<Long, StoredJson> json(List<Long> ids) {
        Map<Long, byte[]> json = decoded(ids, gzipped -> new Stored(0, gzipped).json());
        Map<Long, StoredJson> out = new HashMap<>(json.size() * 2);
        json.forEach((id, utf8) -> out.put(id, new StoredJson(id, utf8)));
        return out;
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> Optional<T> byId(String sql, long id, RowReader<T> reader) {
        try (Connection connection = connections.dataSource(routing.resolveTenantId()).getConnection();
                var query = connection.prepareStatement(sql)) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(reader.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The stored incident " + id + " could not be read", e);
        }
    }

    /**
     * Each stored document of these incidents, by id, decoded; one query. Unzipping and parsing is work without the
     * database, so an export's chunk (or a page as long) is decoded on every core while a page of a list stays on the
     * request's thread. Documents the function returns null for are left out.
     */
    private <T> Map<Long, T> decoded(List<Long> ids, Function<byte[], T> decode) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Map.Entry<Long, byte[]>> rows = new ArrayList<>(ids.size());
        // The ids are numbers written into the statement: H2 tests a row against a set of constants by hashing, but
        // against a list of parameters one by one (a quarter of a million comparisons for a chunk of 500).
        database.read(sql -> {
            for (Record2<Long, byte[]> row : sql.select(DOC.INCIDENT_ID, DOC.BODY).from(DOC)
                    .where(DOC.INCIDENT_ID.in(ids.stream().map(DSL::inline).toList()))) {
                rows.add(Map.entry(row.value1(), row.value2()));
            }
            return null;
        });
        Stream<Map.Entry<Long, byte[]>> each = rows.size() >= PARALLEL_DECODE ? rows.parallelStream() : rows.stream();
        List<Map.Entry<Long, T>> values = each.map(row -> {
            T value = decode.apply(row.getValue());
            return value == null ? null : Map.entry(row.getKey(), value);
        }).filter(Objects::nonNull).toList();
        Map<Long, T> out = new HashMap<>(values.size() * 2);
        values.forEach(entry -> out.put(entry.getKey(), entry.getValue()));
        return out;
    }

    /** Drops the documents that show a changed label; they are stored again in the background. */
    void onLabelChanged(@Observes LabelChanged changed) {
        if (changed.kind() == LabelChanged.Kind.ACTOR) {
            forgetActor(changed.id());
        } else {
            forgetSource(changed.id());
        }
    }

    /**
     * The labels' generation: moved by every rename, before it drops the documents that showed the old label (see
     * {@link DocumentRebuilder}).
     */
    public long epoch() {
        return database.flushed(sql -> sql.select(EPOCH.EPOCH).from(EPOCH).where(EPOCH.ID.eq(DSL.inline(1)))
                .fetchSingle(EPOCH.EPOCH));
    }

    /** The labels' generation, with its row locked until the transaction ends: no rename commits meanwhile. */
    public long lockEpoch() {
        return database.flushed(sql -> sql.select(EPOCH.EPOCH).from(EPOCH).where(EPOCH.ID.eq(DSL.inline(1)))
                .forUpdate().fetchSingle(EPOCH.EPOCH));
    }

    private void moveEpoch() {
        database.flushed(sql -> sql.update(EPOCH).set(EPOCH.EPOCH, EPOCH.EPOCH.plus(DSL.inline(1L)))
                .where(EPOCH.ID.eq(DSL.inline(1))).execute());
    }

    /** Drops the documents that show an actor's name, after the actor changed; they are stored again in the background. */
    public void forgetActor(long actorId) {
        moveEpoch();
        forget(incidents.showingActor(actorId));
    }

    /** Drops the documents that show a source's publisher, after the source changed. */
    public void forgetSource(long sourceId) {
        moveEpoch();
        forget(incidents.showingSource(sourceId));
    }

    /** Drops these incidents' documents; the rebuilder stores them again. */
    private void forgetIncidents(Set<Long> ids) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += FORGET_CHUNK) {
            delete(all.subList(from, Math.min(all.size(), from + FORGET_CHUNK)));
        }
        rebuildAfterCommit.fire(new DocumentsDropped(all.size()));
    }

    /** Documents dropped by a write (they showed a label renamed meanwhile): the rebuilder stores them after its commit. */
    public record DocumentsDropped(int count) {
    }

    /**
     * Deletes the documents of the incidents a query selects, by their ids a thousand at a time: one
     * {@code delete ... where incident_id in (subquery)} took over a minute on H2 with a million documents (it walked
     * every document against the subquery's ids; 10,000 incidents of one actor), where these are key lookups.
     */
    private void forget(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += FORGET_CHUNK) {
            delete(ids.subList(from, Math.min(ids.size(), from + FORGET_CHUNK)));
        }
    }

    private void delete(List<Long> ids) {
        database.flushed(sql -> sql.deleteFrom(DOC).where(DOC.INCIDENT_ID.in(ids)).execute());
    }

    private byte[] gzip(IncidentView view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (var out = new GZIPOutputStream(bytes)) {
            json.writeValue(out, view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An incident could not be written as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

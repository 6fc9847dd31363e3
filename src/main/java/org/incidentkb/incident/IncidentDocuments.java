package org.incidentkb.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hibernate.Session;
import org.incidentkb.incident.IncidentApi.IncidentView;

/**
 * The read model of incidents: each one's representation as stored JSON (gzip), kept current in the transaction of
 * every write to it, so reading an incident by id is one primary-key lookup and no entity graph is loaded.
 */
@ApplicationScoped
public class IncidentDocuments {

    private final EntityManager em;
    private final ObjectMapper json;

    public IncidentDocuments(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** A stored representation: its version (the ETag) and its JSON. */
    public record Stored(long version, byte[] gzippedJson) {

        public byte[] json() {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzippedJson))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Replaces the stored representation of the incident with this one (in the caller's transaction). */
    public void store(IncidentView view) {
        em.createNativeQuery("delete from incident_document where incident_id = :id").setParameter("id", view.id())
                .executeUpdate();
        em.createNativeQuery("insert into incident_document (incident_id, version, body) values (:id, :version, :body)")
                .setParameter("id", view.id()).setParameter("version", view.version())
                .setParameter("body", gzip(view)).executeUpdate();
    }

    /** Replaces the stored representations of many incidents (an import's batch of changes) in JDBC batches. */
    public void replaceAll(List<IncidentView> views) {
        if (views.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (var delete = connection.prepareStatement("delete from incident_document where incident_id = ?")) {
                for (IncidentView v : views) {
                    delete.setLong(1, v.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            try (var insert = connection.prepareStatement(
                    "insert into incident_document (incident_id, version, body) values (?, ?, ?)")) {
                for (IncidentView v : views) {
                    insert.setLong(1, v.id());
                    insert.setLong(2, v.version());
                    insert.setBytes(3, gzip(v));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Stores a representation built by a read, unless a writer has stored one meanwhile or the incident has moved on
     * from that version: a read never overwrites what a write stored.
     */
    public void storeIfAbsent(Stored doc, long id) {
        em.createNativeQuery("insert into incident_document (incident_id, version, body) select i.id, i.version, :body"
                + " from incident i where i.id = :id and i.version = :version"
                + " and not exists (select 1 from incident_document d where d.incident_id = :id)")
                .setParameter("id", id).setParameter("version", doc.version()).setParameter("body", doc.gzippedJson())
                .executeUpdate();
    }

    /** A representation as it would be stored. */
    public Stored of(IncidentView view) {
        return new Stored(view.version(), gzip(view));
    }

    /** The stored representation of an incident, if it has one: one primary-key read over plain JDBC. */
    public Optional<Stored> find(long id) {
        return session().doReturningWork(connection -> {
            try (var query = connection.prepareStatement("select version, body from incident_document where incident_id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(new Stored(row.getLong(1), row.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The stored representations of these incidents, read back as views, by id; incidents without a (readable)
     * document are absent from the map and left to the caller to build.
     */
    public Map<Long, IncidentView> views(List<Long> ids) {
        Map<Long, IncidentView> out = new HashMap<>();
        forEach(ids, (gzipped, id) -> {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                out.put(id, json.readValue(in, IncidentView.class));
            } catch (IOException e) {
                // An unreadable document is rebuilt from the entities by the caller.
            }
        });
        return out;
    }

    /**
     * The stored representations of these incidents as JSON text, by id, without reading them; incidents without a
     * document are absent from the map.
     */
    public Map<Long, StoredJson> json(List<Long> ids) {
        Map<Long, StoredJson> out = new HashMap<>();
        forEach(ids, (gzipped, id) -> out.put(id, new StoredJson(id,
                new String(new Stored(0, gzipped).json(), StandardCharsets.UTF_8))));
        return out;
    }

    /** The stored version only: enough to answer a conditional GET. */
    public Optional<Long> version(long id) {
        return session().doReturningWork(connection -> {
            try (var query = connection.prepareStatement("select version from incident_document where incident_id = ?")) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Hands each stored document of these incidents (id, gzipped JSON) to the consumer; one query. */
    private void forEach(List<Long> ids, java.util.function.ObjLongConsumer<byte[]> consumer) {
        if (ids.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            String sql = "select incident_id, body from incident_document where incident_id in ("
                    + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
            try (var query = connection.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) {
                    query.setLong(i + 1, ids.get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(row.getBytes(2), row.getLong(1));
                    }
                }
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    /** Drops the documents that show a changed label; they are rebuilt when next read. */
    void onLabelChanged(@jakarta.enterprise.event.Observes org.incidentkb.common.LabelChanged changed) {
        if (changed.kind() == org.incidentkb.common.LabelChanged.Kind.ACTOR) {
            forgetActor(changed.id());
        } else {
            forgetSource(changed.id());
        }
    }

    /** Drops the documents that show an actor's name, after the actor changed; they are rebuilt when next read. */
    public void forgetActor(long actorId) {
        em.createNativeQuery("delete from incident_document where incident_id in ("
                + "select incident_id from incident_actor where actor_id = :id"
                + " union select incident_id from claim where actor_id = :id or stated_by_actor_id = :id"
                + " union select incident_id from casualty where affiliation_actor_id = :id)")
                .setParameter("id", actorId).executeUpdate();
    }

    /** Drops the documents that show a source's publisher, after the source changed. */
    public void forgetSource(long sourceId) {
        em.createNativeQuery("delete from incident_document where incident_id in ("
                + "select incident_id from incident_source where source_id = :id"
                + " union select incident_id from claim where source_id = :id"
                + " union select incident_id from casualty where source_id = :id)")
                .setParameter("id", sourceId).executeUpdate();
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

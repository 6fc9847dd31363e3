package org.incidentkb.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.actor.ActorRepository;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.link.LinkBackup;
import org.incidentkb.source.SourceApi.SourceView;
import org.incidentkb.source.SourceRepository;

/**
 * The whole knowledge base as typed NDJSON lines, the backup that {@code POST /imports?format=ndjson} restores:
 * every actor ({@code {"kind": "actor", "actor": {...}}}, with aliases, kind, parent, backers and designations),
 * every source, then every incident, each as the API reads it, then every link between incidents (naming them by
 * uid: {@link LinkBackup}). Written in keyset chunks, each its own short read, so the file streams
 * in constant memory.
 */
@ApplicationScoped
public class BackupService {

    private static final int CHUNK = 1000;

    private final ActorRepository actors;
    private final SourceRepository sources;
    private final IncidentExport incidents;
    private final LinkBackup links;
    private final ObjectMapper json;

    public BackupService(ActorRepository actors, SourceRepository sources, IncidentExport incidents, LinkBackup links,
            ObjectMapper json) {
        this.links = links;
        this.actors = actors;
        this.sources = sources;
        this.incidents = incidents;
        this.json = json;
    }

    public void write(OutputStream out) throws IOException {
        walk(out, "actor", last -> actors.after(last, CHUNK).stream().map(ActorView::from).toList(), ActorView::id);
        walk(out, "source", last -> sources.after(last, CHUNK).stream().map(SourceView::from).toList(), SourceView::id);
        incidents.backup(out);
        links.write(out);
        out.flush();
    }

    private <T> void walk(OutputStream out, String kind, Function<Long, List<T>> next, Function<T, Long> id)
            throws IOException {
        long last = 0;
        List<T> chunk;
        do {
            long after = last;
            chunk = QuarkusTransaction.requiringNew().call(() -> next.apply(after));
            for (T item : chunk) {
                IncidentExport.writeTyped(out, kind, json.writeValueAsBytes(item));
                last = id.apply(item);
            }
            out.flush();
        } while (chunk.size() == CHUNK);
    }
}

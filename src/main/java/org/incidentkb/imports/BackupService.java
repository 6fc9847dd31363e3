package org.incidentkb.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.actor.ActorRepository;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.export.IncidentExport;
import org.incidentkb.link.LinkBackup;
import org.incidentkb.source.SourceApi.SourceView;
import org.incidentkb.source.SourceRepository;

/**
 * The whole knowledge base as typed NDJSON lines, the backup that {@code POST /imports?format=ndjson} restores:
 * every actor ({@code {"kind": "actor", "actor": {...}}}, with aliases, kind, parent, backers and designations),
 * every source, then every incident, each as the API reads it, then every link between incidents (naming them by
 * uid: {@link LinkBackup}); between a first line that says it is a backup ({@code {"kind": "backup", "backup":
 * {"format": 1, "exportedAt": ...}}}) and a last line that counts the records ({@code {"kind": "end", "end":
 * {"lines": N}}}), so that a restore refuses a file cut short ({@link WholeFile}). Written in keyset chunks, each its
 * own short read, so the file streams in constant memory.
 */
@ApplicationScoped
public class BackupService {

    private static final int CHUNK = 1000;
    /** The form of the backup's lines; a restore reads every form it knows. */
    private static final int FORMAT = 1;

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

    /** A backup's first line: what it is, in which form, and when it was taken. */
    record Header(int format, Instant exportedAt) {
    }

    /** A backup's last line: how many records it holds between its first line and this one. */
    record End(long lines) {
    }

    public void write(OutputStream target) throws IOException {
        IncidentExport.writeTyped(target, WholeFile.BACKUP, json.writeValueAsBytes(new Header(FORMAT, Timestamps.now())));
        Lines out = new Lines(target);
        walk(out, "actor", last -> actors.after(last, CHUNK).stream().map(ActorView::from).toList(), ActorView::id);
        walk(out, "source", last -> sources.after(last, CHUNK).stream().map(SourceView::from).toList(), SourceView::id);
        incidents.backup(out);
        links.write(out);
        // Last: a file cut anywhere before it is refused by the restore rather than taken for a smaller KB.
        IncidentExport.writeTyped(target, WholeFile.END, json.writeValueAsBytes(new End(out.count)));
        target.flush();
    }

    /** Counts the lines written through it (a JSON line holds no raw line break, so one per record). */
    private static final class Lines extends FilterOutputStream {
        long count;

        Lines(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                count++;
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    count++;
                }
            }
            out.write(b, off, len);
        }
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

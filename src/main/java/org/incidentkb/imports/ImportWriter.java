package org.incidentkb.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.write.IncidentUpserts;

/**
 * Writes a batch of imported incidents in a transaction of its own, through the incidents' upsert API
 * ({@link IncidentUpserts}). Either the whole batch is written or none of it, so no incident is ever half written.
 */
@ApplicationScoped
public class ImportWriter {

    private final EntityManager em;
    private final IncidentUpserts upserts;

    public ImportWriter(EntityManager em, IncidentUpserts upserts) {
        this.em = em;
        this.upserts = upserts;
    }

    /**
     * A row ready to write: its line in the file, its input with references resolved to ids, and the uid of the
     * incident it was exported from (NDJSON of this API; null for datasets).
     */
    record Prepared(long line, IncidentInput input, String author, String uid) {
    }

    /** What a batch did. */
    record Outcome(long created, long updated, long skipped, List<RowError> errors) {
    }

    /**
     * Writes the rows; a row the model refuses is reported and left out. {@code strict} also checks each
     * external reference against other incidents (used when a batch is retried row by row).
     *
     * @throws RuntimeException when the database refuses the batch; nothing of it is then written
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome write(List<Prepared> batch, boolean strict) {
        em.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
        IncidentUpserts.Result result = upserts.upsert(
                batch.stream().map(p -> new IncidentUpserts.Upsert(p.line(), p.input(), p.uid())).toList(),
                batch.get(0).author(), strict);
        return new Outcome(result.created(), result.updated(), result.skipped(),
                result.refused().stream().map(r -> new RowError(r.line(), r.reason())).toList());
    }
}

package org.incidentkb.incident.readmodel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.incidentkb.common.LabelChanged;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.IncidentRepository;
import org.jboss.logging.Logger;

/**
 * Stores the documents of incidents that have none (dropped when an actor or source they show was renamed, or by a
 * migration that changed the representation), on a thread of its own, a batch per transaction, after the change
 * that dropped them commits and at every start. Reads never store: until its document is back, an incident is read
 * from its entities. A document written meanwhile by a write stands (only an absent one at the same version is
 * stored, and nothing built before a rename is stored after it: see {@link #rebuildBatch}).
 */
@ApplicationScoped
public class DocumentRebuilder {

    private static final Logger LOG = Logger.getLogger(DocumentRebuilder.class);
    private static final int BATCH = 500;

    private final IncidentRepository incidents;
    private final IncidentDocuments documents;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-document-rebuilder");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean again;
    private volatile boolean stopping;

    public DocumentRebuilder(IncidentRepository incidents, IncidentDocuments documents) {
        this.incidents = incidents;
        this.documents = documents;
    }

    void onStart(@Observes StartupEvent event) {
        schedule();
    }

    /**
     * Lets the batch under way finish and starts no other. Not an interrupt: a thread interrupted while H2 reads its
     * file closes the file's channel, and every other transaction still finishing then (the running import's batch)
     * would fail with it.
     */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        thread.shutdown();
    }

    void onLabelChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) LabelChanged changed) {
        schedule();
    }

    void onDocumentsDropped(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncidentDocuments.DocumentsDropped dropped) {
        schedule();
    }

    /** Asks for a pass over the incidents without a document; one pass runs at a time, and runs again if asked meanwhile. */
    public void schedule() {
        again = true;
        if (scheduled.compareAndSet(false, true)) {
            thread.execute(this::run);
        }
    }

    /** Whether a pass is storing documents (or about to). */
    public boolean busy() {
        return scheduled.get();
    }

    private void run() {
        try {
            while (again && !stopping) {
                again = false;
                int stored = 0;
                int failures = 0;
                // One walk up the ids per pass: each batch goes on after the last incident the one before looked at
                // (at a million incidents, starting again from the first id for every batch read the table 130 times
                // to store the 65,731 documents a rename had dropped).
                long after = 0;
                for (Done done = null; (done == null || done.looked() > 0) && failures < 3 && !stopping;) {
                    try {
                        done = rebuildBatch(after);
                        after = done.last();
                        stored += done.stored();
                        failures = 0;
                    } catch (RuntimeException e) {
                        // Another instance storing the same documents at the same moment wins; go on with the rest.
                        failures++;
                        LOG.debugf(e, "A batch of stored incident documents could not be written (attempt %d)", failures);
                    }
                }
                if (failures >= 3) {
                    LOG.warn("Rebuilding stored incident documents stopped after three failed batches; incidents "
                            + "without one are read from their entities until the next pass");
                } else if (stored > 0) {
                    LOG.infof("Stored the documents of %d incidents that had none", stored);
                }
            }
        } finally {
            scheduled.set(false);
        }
    }

    private record Built(long epoch, List<Long> ids, List<IncidentView> views) {
    }

    /**
     * What a batch did: how many incidents without a document it found, the last id it is done with, how many
     * documents it stored.
     */
    record Done(int looked, long last, int stored) {
    }

    /**
     * Stores the documents of the next batch of incidents without one, after the id {@code after}. The labels'
     * generation is read before the entities, and the batch is stored only if it has not moved since, with its row
     * locked while storing: a rename committed in between (whose names the views may or may not show) makes the
     * batch be built again instead (the same {@code last}).
     */
    @ActivateRequestContext
    Done rebuildBatch(long after) {
        Built built = QuarkusTransaction.requiringNew().call(() -> {
            long epoch = documents.epoch();
            List<Long> ids = incidents.withoutDocument(after, BATCH);
            return new Built(epoch, ids, incidents.load(ids).stream().map(IncidentView::from).toList());
        });
        if (built.ids().isEmpty()) {
            return new Done(0, after, 0);
        }
        boolean stored = QuarkusTransaction.requiringNew().call(() -> {
            // Locked first, so that an incident deleted meanwhile is gone when its document would be stored, and
            // one being deleted waits for this commit and then takes its document along (on H2 the insert's
            // foreign key check alone let a document outlive its incident: a deleted incident read 200). Then the
            // labels' generation, in the order a write takes them (its incident, then the generation).
            documents.lockIncidents(built.views().stream().map(IncidentView::id).toList());
            if (documents.lockEpoch() != built.epoch()) {
                return false;
            }
            built.views().forEach(v -> documents.storeIfAbsent(documents.of(v), v.id()));
            return true;
        });
        return stored ? new Done(built.ids().size(), built.ids().get(built.ids().size() - 1), built.views().size())
                : new Done(built.ids().size(), after, 0);
    }
}

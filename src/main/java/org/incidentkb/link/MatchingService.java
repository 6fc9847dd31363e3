package org.incidentkb.link;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.incidentkb.common.Countries;
import org.incidentkb.common.ImportFinished;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Timestamps;
import org.incidentkb.link.MatchingApi.JobView;
import org.jboss.logging.Logger;

/**
 * Matching runs as jobs: one at a time across every instance sharing the database (the job table's unique
 * {@code active} key; a second run gets the running one back), on a background thread, with a heartbeat so a run whose
 * process died reads as failed and frees the slot.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class);
    private static final int RETRY_SECONDS = 5;
    private static final int RETRIES = 360;

    private final EntityManager em;
    private final MatchingRun runs;
    private final KbConfig config;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> daemon(r, "kb-matching"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "kb-matching-heartbeat"));

    public MatchingService(EntityManager em, MatchingRun runs, KbConfig config) {
        this.em = em;
        this.runs = runs;
        this.config = config;
    }

    /** A run accepted, or the run already going that refused it. */
    public sealed interface Accepted {
    }

    public record Started(JobView job) implements Accepted {
    }

    public record Busy(JobView running) implements Accepted {
    }

    /** A run this instance left active when its process stopped will never end: it fails at once. */
    void onStart(@Observes StartupEvent event) {
        List<String> interrupted = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from MatchingJob where active = 1", MatchingJob.class).getResultStream()
                .filter(j -> instanceId().equals(j.getInstanceId())).map(MatchingJob::getId).toList());
        if (interrupted.isEmpty()) {
            return;
        }
        // It may have written some chunks of links and not the events that follow from them. Repaired before the run
        // is marked failed, so that a start stopped during the repair repairs again.
        LOG.info("A matching run was interrupted when the process stopped: recomputing the events from the links");
        runs.repairEvents();
        Instant now = Timestamps.now();
        interrupted.forEach(id -> update(id, j -> j.end(MatchingJob.State.FAILED, MatchingJob.INTERRUPTED, now)));
    }

    /**
     * Starts nothing more. Not an interrupt: a thread interrupted while H2 reads or writes its file closes the file's
     * channel under every other transaction still finishing (the running import's batch). A run still going when the
     * process ends (its threads are daemons) is marked failed at the next start, as before.
     */
    void onStop(@Observes ShutdownEvent event) {
        heartbeat.shutdown();
        runner.shutdown();
    }

    /** Starts a run over the request's scope, or answers the run already going. */
    public Accepted start(MatchingRequest request, String submittedBy) {
        MatchingRequest checked = check(request);
        return submit(checked, new MatchingData.Scope(checked.country(), checked.from(), checked.to(), null), null,
                submittedBy);
    }

    /**
     * Proposes links for the incidents an import created (since it started), with the configured windows, unless
     * matching on import is off or another run is going (then the log says so; run POST /matching later). Never fails
     * the import.
     */
    void afterImport(@Observes ImportFinished finished) {
        if (!config.links().matchOnImport()) {
            return;
        }
        try {
            MatchingRequest request = new MatchingRequest(config.links().spatialWindowKm(),
                    config.links().temporalWindowDays(), Link.TypeMatch.CATEGORY, null, null, null, null);
            MatchingData.Scope scope = QuarkusTransaction.requiringNew().call(() -> createdSince(finished.startedAt(),
                    request.temporalWindowDays()));
            if (scope == null) {
                return;
            }
            submitWhenFree(request, scope, finished, 0);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Import %s: its new incidents could not be matched", finished.jobId());
        }
    }

    /** Another run is going: try again every few seconds, for up to half an hour, then say so in the log. */
    private void submitWhenFree(MatchingRequest request, MatchingData.Scope scope, ImportFinished finished, int tries) {
        Accepted accepted = submit(request, scope, finished.jobId(), finished.author());
        if (accepted instanceof Busy busy) {
            if (tries >= RETRIES) {
                LOG.warnf("Import %s: its new incidents were not matched, matching run %s kept the slot; run POST "
                        + "/matching", finished.jobId(), busy.running().id());
                return;
            }
            heartbeat.schedule(() -> inRequestContext(() -> submitWhenFree(request, scope, finished, tries + 1)),
                    RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** The incidents created since an instant, as a scope (their days, widened by the window); null when none. */
    private MatchingData.Scope createdSince(Instant since, int days) {
        List<Object[]> rows = em.createQuery("select i.id, i.startDate from Incident i where i.createdAt >= :since",
                Object[].class).setParameter("since", since).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Set<Long> ids = new java.util.HashSet<>();
        java.time.LocalDate first = null;
        java.time.LocalDate last = null;
        for (Object[] r : rows) {
            ids.add((Long) r[0]);
            java.time.LocalDate day = (java.time.LocalDate) r[1];
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }
        return new MatchingData.Scope(null, first.minusDays(days), last.plusDays(days), ids);
    }

    private Accepted submit(MatchingRequest request, MatchingData.Scope scope, String importJob, String submittedBy) {
        String id = UUID.randomUUID().toString();
        Instant now = Timestamps.now();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                failAbandoned(now);
                em.persist(new MatchingJob(id, request, importJob, submittedBy, instanceId(), now));
                em.flush();
            });
        } catch (RuntimeException e) { // the unique key of active runs: another run holds the slot
            Optional<JobView> running = QuarkusTransaction.requiringNew().call(this::running);
            if (running.isPresent()) {
                return new Busy(running.get());
            }
            throw e;
        }
        try {
            runner.execute(() -> inRequestContext(() -> run(id, request, scope, submittedBy)));
        } catch (RejectedExecutionException stopping) {
            // The service is stopping: the run will not start, and says so (else the next start marks it failed).
            LOG.infof("Matching run %s not started: the service is stopping", id);
            try {
                update(id, j -> j.end(MatchingJob.State.FAILED, MatchingJob.INTERRUPTED, Timestamps.now()));
            } catch (RuntimeException e) {
                LOG.debugf(e, "Matching run %s: not marked failed while stopping", id);
            }
        }
        return new Started(get(id).orElseThrow());
    }

    private void run(String id, MatchingRequest request, MatchingData.Scope scope, String author) {
        ScheduledFuture<?> beat;
        try {
            beat = heartbeat.scheduleAtFixedRate(() -> inRequestContext(() -> update(id,
                    j -> j.progress(j.getIncidents(), j.getCompared(), Timestamps.now()))), 30, 30, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            // Queued when the process began to stop: it does not start; the next start marks it failed.
            LOG.infof("Matching run %s not started: the service is stopping", id);
            return;
        }
        try {
            update(id, j -> j.started(Timestamps.now()));
            MatchingRun.Report report = runs.run(request, scope, author,
                    (incidents, compared) -> update(id, j -> j.progress(incidents, compared, Timestamps.now())));
            beat.cancel(false);
            update(id, j -> {
                j.progress(report.incidents(), report.compared(), Timestamps.now());
                j.done(report.proposed(), report.kept(), report.removed(), Timestamps.now());
            });
        } catch (RuntimeException | Error e) {
            beat.cancel(false);
            LOG.errorf(e, "Matching run %s failed", id);
            try {
                runs.repairEvents();
            } catch (RuntimeException repair) {
                LOG.errorf(repair, "Matching run %s: the events could not be recomputed after it failed; the next run "
                        + "or start does it", id);
            }
            update(id, j -> j.end(MatchingJob.State.FAILED, "The run failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), Timestamps.now()));
        }
    }

    private void update(String id, java.util.function.Consumer<MatchingJob> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(em.find(MatchingJob.class, id)));
    }

    public Optional<JobView> get(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(em.find(MatchingJob.class, id))
                .map(j -> JobView.from(j, Timestamps.now())));
    }

    /** Runs, newest first. */
    public Paging.Slice<JobView> recent(Paging paging) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<MatchingJob> page = em.createQuery("from MatchingJob order by createdAt desc, id", MatchingJob.class)
                    .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
            long total = em.createQuery("select count(j) from MatchingJob j", Long.class).getSingleResult();
            Instant now = Timestamps.now();
            return new Paging.Slice<>(page.stream().map(j -> JobView.from(j, now)).toList(), total);
        });
    }

    private Optional<JobView> running() {
        return em.createQuery("from MatchingJob where active = 1", MatchingJob.class).getResultStream().findFirst()
                .map(j -> JobView.from(j, Timestamps.now()));
    }

    /** Frees the slot of a run whose process died (no heartbeat for two minutes). */
    private void failAbandoned(Instant now) {
        em.createQuery("from MatchingJob where active = 1", MatchingJob.class).getResultStream()
                .filter(j -> j.isAbandoned(now)).forEach(j -> j.end(MatchingJob.State.FAILED, MatchingJob.INTERRUPTED, now));
        em.flush();
    }

    private MatchingRequest check(MatchingRequest r) {
        String country = r.country() == null || r.country().isBlank() ? null
                : Countries.resolve(r.country()).orElseThrow(() -> ProblemException.invalid("country",
                        "'" + r.country() + "' is not an ISO 3166-1 alpha-3 code or a country name"));
        if (r.from() != null && r.to() != null && r.to().isBefore(r.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return new MatchingRequest(r.spatialWindowKm(), r.temporalWindowDays(), r.typeLevel(), r.minScore(), country,
                r.from(), r.to());
    }

    String instanceId() {
        return config.instanceId().orElseGet(() -> {
            String host = System.getenv("HOSTNAME");
            return host == null || host.isBlank() ? "localhost" : host;
        });
    }

    /** Background work in a request context of its own, which Hibernate needs to pick its database (ReadRouting). */
    private static void inRequestContext(Runnable work) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            work.run();
        } finally {
            context.terminate();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

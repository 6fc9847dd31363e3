package org.incidentkb.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Timestamps;
import org.incidentkb.imports.ImportApi.JobView;
import org.jboss.logging.Logger;

/**
 * Import jobs: accepts a body (spooled by {@link ImportSpool}), creates its job and runs it ({@link ImportRun}) at
 * once when it is small, else on the import thread, one job at a time; shows jobs; and on start marks as failed the
 * jobs a stopped process left running, on stop lets the running one end cleanly.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ImportJobRepository jobs;
    private final ImportSpool spool;
    private final ImportRun runs;
    private final KbConfig config;
    private final String instanceId;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-import");
        t.setDaemon(true);
        return t;
    });

    public ImportService(ImportJobRepository jobs, ImportSpool spool, ImportRun runs, KbConfig config) {
        this.jobs = jobs;
        this.spool = spool;
        this.runs = runs;
        this.config = config;
        this.instanceId = config.instanceId().orElseGet(ImportService::defaultInstanceId);
    }

    void onStart(@Observes StartupEvent event) {
        Instant now = Timestamps.now();
        List<String> mine = activeOf(instanceId);
        int own = failJobs(mine, now);
        int abandoned = failAbandoned(now.minus(ImportJob.ABANDONED_AFTER), now);
        if (own + abandoned > 0) {
            LOG.warnf("Marked %d import job(s) as failed: the process running them stopped while they ran", own + abandoned);
        }
        spool.removeStrayFiles();
    }

    /** This instance's name, as its jobs carry it. */
    String instanceId() {
        return instanceId;
    }

    @Transactional
    List<String> activeOf(String instance) {
        return jobs.activeOf(instance);
    }

    @Transactional
    int failJobs(List<String> ids, Instant now) {
        return jobs.fail(ids, now);
    }


    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * A graceful stop: the running job writes the batch it is on and the rows it has read, records its progress
     * and ends FAILED with "run it again" (re-running converges); queued jobs end the same way. Waits up to 30 s
     * for that before interrupting.
     */
    void onStop(@Observes ShutdownEvent event) {
        runs.stop();
        runner.shutdown();
        try {
            if (!runner.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) {
                runner.shutdownNow();
            }
        } catch (InterruptedException e) {
            runner.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Transactional
    int failAbandoned(Instant before, Instant now) {
        return jobs.failAbandoned(before, now);
    }

    /** A job accepted: whether it already ran to the end (small bodies), and its state. */
    public record Accepted(JobView job, boolean finished) {
    }

    /**
     * Streams the body to a file and imports it: at once when it is small, else as a background job.
     *
     * @param charset the charset the request's Content-Type names, or null for the format's default
     */
    public Accepted accept(ImportFormat format, Charset charset, InputStream body, String submittedBy) {
        String id = UUID.randomUUID().toString();
        Path file = spool.receive(body, id);
        long size = ImportSpool.size(file);
        if (size == 0) {
            ImportSpool.delete(file);
            throw ProblemException.badRequest("The request body is empty; send the file as the body, e.g. "
                    + "curl --data-binary @file.csv");
        }
        Charset cs = charset != null ? charset : format.defaultCharset;
        create(new ImportJob(id, format, cs.name(), size, Timestamps.now(), submittedBy, instanceId));
        if (size <= config.imports().syncMaxBytes()) {
            runs.run(id, format, cs, file);
            return new Accepted(get(id).orElseThrow(), true);
        }
        runs.queue(id);
        runner.execute(() -> runs.run(id, format, cs, file)); // not submit: an Error must reach the thread's handler and the log
        return new Accepted(get(id).orElseThrow(), false);
    }

    @Transactional
    void create(ImportJob job) {
        jobs.persist(job);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JobView> get(String id) {
        return jobs.findByIdOptional(id).map(j -> JobView.from(j, Timestamps.now()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Paging.Slice<JobView> recent(Paging paging) {
        var query = jobs.recent();
        return new Paging.Slice<>(query.page(paging.panache()).list().stream().map(j -> JobView.from(j, Timestamps.now())).toList(),
                query.count());
    }
}

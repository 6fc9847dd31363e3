package org.incidentkb.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Timestamps;
import org.incidentkb.eventtype.EventTypeService;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.link.LinkBackup;
import org.jboss.logging.Logger;

/**
 * One import job from its spooled file to its report: the file is read row by row, each row mapped, its actors and
 * sources resolved through the job's cache and checked, and the rows written in batches, one transaction each, on
 * a writer thread of the job's own while the next batch is read. A batch the database refuses is retried row by
 * row, so one bad row fails alone. Progress and the report are saved after every batch, so any instance can show
 * them. (Over 300 lines: the pipeline's stages share the job's state and its writer thread; spooling, recovery
 * and scheduling already live in ImportSpool and ImportService.)
 */
@ApplicationScoped
public class ImportRun {

    private static final Logger LOG = Logger.getLogger(ImportRun.class);

    private final ImportJobRepository jobs;
    private final ImportWriter writer;
    private final ReferenceStore references;
    private final EventTypeService eventTypes;
    private final Validator validator;
    private final ObjectMapper json;
    private final KbConfig config;
    /** Jobs waiting for the runner; their heartbeat is saved with the running job's. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private static final long BEAT_NANOS = TimeUnit.SECONDS.toNanos(15);
    private volatile boolean stopping;
    private final jakarta.enterprise.event.Event<org.incidentkb.common.ImportFinished> finished;
    private final LinkBackup linkBackup;

    public ImportRun(ImportJobRepository jobs, ImportWriter writer, ReferenceStore references,
            EventTypeService eventTypes, Validator validator, ObjectMapper json, KbConfig config,
            jakarta.enterprise.event.Event<org.incidentkb.common.ImportFinished> finished, LinkBackup linkBackup) {
        this.linkBackup = linkBackup;
        this.finished = finished;
        this.jobs = jobs;
        this.writer = writer;
        this.references = references;
        this.eventTypes = eventTypes;
        this.validator = validator;
        this.json = json;
        this.config = config;
    }

    /** A job waits for the runner; its heartbeat is kept alive meanwhile. */
    void queue(String id) {
        queued.add(id);
    }

    /** A graceful stop: the running job writes what it read and ends; queued jobs end at once. */
    void stop() {
        stopping = true;
    }

    /**
     * Reads the whole file, writing in batches, and records how it went; never throws. On the job thread it runs in
     * a request context of its own, which Hibernate needs to pick its database (see ReadRouting).
     */
    @ActivateRequestContext
    void run(String id, ImportFormat format, Charset charset, Path file) {
        queued.remove(id);
        if (stopping) {
            update(id, job -> job.finish(ImportJob.State.FAILED, ImportJob.INTERRUPTED, Timestamps.now()));
            ImportSpool.delete(file);
            return;
        }
        java.time.Instant started = Timestamps.now();
        update(id, job -> job.start(started));
        String author = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).getSubmittedBy());
        try {
            Optional<String> refused = WholeFile.problem(file, format, charset, json);
            if (refused.isPresent()) {
                update(id, job -> job.finish(ImportJob.State.FAILED, refused.get(), Timestamps.now()));
                ImportSpool.delete(file);
                return;
            }
        } catch (IOException e) {
            update(id, job -> job.finish(ImportJob.State.FAILED, "The file could not be read: " + RowReader.message(e),
                    Timestamps.now()));
            ImportSpool.delete(file);
            return;
        }
        JobReferences refs = null;
        Queue<JobReferences.Created> orphans = new ConcurrentLinkedQueue<>();
        try (RowReader reader = new RowReader(format, file, charset, mapper(format), json, maxLine());
                Writes writes = new Writes(id)) {
            refs = new JobReferences(references);
            List<Draft> drafts = new ArrayList<>();
            List<RowError> errors = new ArrayList<>();
            // What rows other than incidents did since the last batch: tombstones skipped, backup lines of actors
            // and sources created, updated or found as they are.
            Counts others = Counts.NONE;
            List<LinkBackup.Line> linkLines = new ArrayList<>();
            boolean backup = false;
            Object row;
            while ((row = reader.next()) != null) {
                if (stopping) {
                    flush(id, reader, drafts, errors, others, refs, author, writes, orphans); // what was read is written whole
                    writes.await();
                    throw new InterruptedException();
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                if (row instanceof Draft d) {
                    drafts.add(d);
                } else if (row instanceof RowError e) {
                    errors.add(e);
                } else if (row instanceof RowReader.ActorLine a) {
                    others = others.plus(refs.actorLine(a, errors));
                } else if (row instanceof RowReader.LinkLine l) {
                    linkLines.add(l.line()); // written once every incident of the file is
                } else if (row instanceof RowReader.SourceLine so) {
                    others = others.plus(refs.sourceLine(so, errors));
                } else if (row instanceof RowReader.Marker) {
                    backup = true;
                    continue;
                } else {
                    others = others.plus(new Counts(0, 0, 1));
                }
                if (drafts.size() >= config.imports().batchSize()) {
                    flush(id, reader, drafts, errors, others, refs, author, writes, orphans);
                    others = Counts.NONE;
                }
            }
            flush(id, reader, drafts, errors, others, refs, author, writes, orphans);
            writes.await();
            if (!linkLines.isEmpty()) {
                LinkBackup.Restored restored = linkBackup.restore(linkLines, author, new Heartbeat(id)::beat);
                restored.refused().forEach((line, why) -> errors.add(new RowError(line, why)));
                flush(id, reader, drafts, errors, new Counts(restored.created(), 0, restored.skipped()), refs, author,
                        writes, orphans);
                writes.await();
            }
            refs.undo(List.copyOf(orphans));
            orphans.clear();
            update(id, job -> job.finish(ImportJob.State.DONE, null, Timestamps.now()));
            if (!backup && linkLines.isEmpty()) {
                // Not for a backup: its links came with it, as they were decided, and matching it again would propose
                // others over them. (An NDJSON export of incidents, without links, is matched like a dataset's file.)
                finished.fire(new org.incidentkb.common.ImportFinished(id, started, author));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            update(id, job -> job.finish(ImportJob.State.FAILED, "Interrupted by a shutdown; run the same import "
                    + "again, rows already written are recognised by their external references", Timestamps.now()));
        } catch (IOException | UncheckedIOException e) {
            update(id, job -> job.finish(ImportJob.State.FAILED, "The file could not be read: " + RowReader.message(e),
                    Timestamps.now()));
        } catch (RuntimeException e) {
            String correlation = UUID.randomUUID().toString();
            LOG.errorf(e, "Import %s failed unexpectedly (%s)", id, correlation);
            update(id, job -> job.finish(ImportJob.State.FAILED, "The import stopped on an unexpected error; "
                    + "report the correlation id " + correlation + " to the operators", Timestamps.now()));
        } finally {
            if (refs != null && !orphans.isEmpty()) {
                undoQuietly(refs, List.copyOf(orphans));
            }
            ImportSpool.delete(file);
        }
    }

    /**
     * Writes a job's batches on a thread of their own, one at a time and in order, while the job reads, checks and
     * resolves the next batch: the two overlap instead of taking turns. Closing waits for the batch being written.
     */
    private final class Writes implements AutoCloseable {
        private final ExecutorService thread;
        private Future<?> pending = CompletableFuture.completedFuture(null);

        Writes(String jobId) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kb-import-writer-" + jobId.substring(0, 8));
                t.setDaemon(true);
                return t;
            });
        }

        /** Starts writing a batch once the one before it is written (and throws what that one threw). */
        void submit(Runnable write) {
            await();
            pending = thread.submit(write);
        }

        /** Waits for the batch being written; a failure of it is thrown here, on the job's thread. */
        void await() {
            try {
                pending.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while a batch was being written", e);
            }
        }

        @Override
        public void close() {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                thread.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Checks and resolves the drafts read so far (on the job's thread), then hands them to the writer thread, which
     * writes them and saves the progress.
     */
    private void flush(String id, RowReader reader, List<Draft> drafts, List<RowError> errors, Counts others,
            JobReferences refs, String author, Writes writes, Queue<JobReferences.Created> orphans) {
        List<ImportWriter.Prepared> ready = new ArrayList<>();
        Map<Long, JobReferences.Created> createdFor = new HashMap<>();
        for (Draft draft : drafts) {
            // Checked before its actors and sources are looked up, so a row the model refuses creates none.
            String invalid = violations(draft.incident());
            if (invalid != null) {
                errors.add(new RowError(draft.line(), invalid));
                continue;
            }
            try {
                IncidentInput input = refs.resolve(draft);
                invalid = violations(input);
                if (invalid != null) {
                    errors.add(new RowError(draft.line(), invalid));
                } else {
                    ready.add(new ImportWriter.Prepared(draft.line(), input, author, draft.uid()));
                }
            } catch (ProblemException e) {
                errors.add(new RowError(draft.line(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.debugf(e, "Import row at line %d: its actors or sources could not be stored", draft.line());
                errors.add(new RowError(draft.line(), "its actors or sources could not be stored"));
            }
            JobReferences.Created created = refs.takeCreated();
            if (!created.isEmpty()) {
                createdFor.put(draft.line(), created);
            }
        }
        List<RowError> batchErrors = new ArrayList<>(errors);
        long rowsRead = reader.rowsRead();
        long bytesRead = reader.bytesRead();
        writes.submit(() -> writeBatch(id, ready, batchErrors, createdFor, others, rowsRead, bytesRead, orphans));
        drafts.clear();
        errors.clear();
    }

    /**
     * Writes a batch and saves the progress (on the writer thread, in a request context of its own). What the
     * batch's failed rows created is removed when the job ends, once no batch still being prepared can use it.
     */
    @ActivateRequestContext
    void writeBatch(String id, List<ImportWriter.Prepared> ready, List<RowError> errors,
            Map<Long, JobReferences.Created> createdFor, Counts others, long rowsRead, long bytesRead,
            Queue<JobReferences.Created> orphans) {
        ImportWriter.Outcome outcome = write(ready);
        errors.addAll(outcome.errors());
        errors.stream().map(e -> createdFor.get(e.line())).filter(java.util.Objects::nonNull).forEach(orphans::add);
        errors.sort(Comparator.comparingLong(RowError::line));
        record(id, new ImportJob.Progress(rowsRead, bytesRead, outcome.created() + others.created(),
                outcome.updated() + others.updated(), outcome.skipped() + others.skipped(), List.copyOf(errors)));
    }

    /** Rows that are not incidents (tombstones, actors and sources of a backup), by what writing them did. */
    record Counts(long created, long updated, long skipped) {

        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated, skipped + other.skipped);
        }
    }

    /** Removes what failed rows created, when the job ends some other way than DONE. */
    private void undoQuietly(JobReferences refs, List<JobReferences.Created> orphans) {
        try {
            refs.undo(orphans);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not remove the actors and sources created by rows that failed");
        }
    }

    /** The batch in one transaction; if the database refuses it, each row alone, so only bad rows fail. */
    private ImportWriter.Outcome write(List<ImportWriter.Prepared> batch) {
        if (batch.isEmpty()) {
            return new ImportWriter.Outcome(0, 0, 0, List.of());
        }
        try {
            return writer.write(batch, false);
        } catch (RuntimeException batchFailed) {
            long created = 0;
            long updated = 0;
            long skipped = 0;
            List<RowError> errors = new ArrayList<>();
            for (ImportWriter.Prepared row : batch) {
                try {
                    ImportWriter.Outcome one = writer.write(List.of(row), true);
                    created += one.created();
                    updated += one.updated();
                    skipped += one.skipped();
                    errors.addAll(one.errors());
                } catch (RuntimeException rowFailed) {
                    LOG.debugf(rowFailed, "Import row at line %d refused by the database", row.line());
                    errors.add(new RowError(row.line(), "could not be stored: it conflicts with data already in "
                            + "the knowledge base (an external reference held by another incident, or a record "
                            + "deleted meanwhile)"));
                }
            }
            return new ImportWriter.Outcome(created, updated, skipped, errors);
        }
    }

    private String violations(IncidentInput input) {
        var found = validator.validate(input);
        if (found.isEmpty()) {
            return null;
        }
        return found.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                .collect(Collectors.joining("; "));
    }

    /**
     * Keeps a running job's heartbeat fresh through a long stretch of work that reports no progress (the links of a
     * restore, written in one transaction), so that it is not taken for the job of a process that died. Saved in a
     * transaction of its own, at most every few seconds.
     */
    private final class Heartbeat {
        private final String id;
        private long last = System.nanoTime();

        Heartbeat(String id) {
            this.id = id;
        }

        void beat() {
            if (System.nanoTime() - last > BEAT_NANOS) {
                last = System.nanoTime();
                heartbeat(id);
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void heartbeat(String id) {
        Instant now = Timestamps.now();
        jobs.findById(id).beat(now);
        if (!queued.isEmpty()) {
            jobs.keepAlive(Set.copyOf(queued), now);
        }
    }

    /** Saves a job's progress, and the heartbeat of the jobs queued behind it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(String id, ImportJob.Progress progress) {
        Instant now = Timestamps.now();
        jobs.findById(id).record(progress, now);
        if (!queued.isEmpty()) {
            jobs.keepAlive(Set.copyOf(queued), now);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void update(String id, java.util.function.Consumer<ImportJob> change) {
        change.accept(jobs.findById(id));
    }

    /** An NDJSON line holds one incident, so it may be as long as a request body may be. */
    private int maxLine() {
        return (int) Math.min(Integer.MAX_VALUE - 8, config.maxRequestBody().asLongValue());
    }

    private RowMapper mapper(ImportFormat format) {
        return switch (format) {
            case GTD -> new GtdMapper();
            case ACLED -> {
                EventTypeService.Codes taxonomy = eventTypes.codes();
                yield new AcledMapper(taxonomy.categories()::contains, taxonomy.types()::contains);
            }
            case UCDP_GED -> new UcdpMapper();
            case NDJSON -> null;
        };
    }
}

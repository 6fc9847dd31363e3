package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incidentkb.common.Database;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.ProblemException;

/**
 * On H2, computes at most {@code kb.stats.wide-concurrency} statistics at a time whose groups grow with the data: those
 * grouped by perpetrator or admin1. H2 counts in the service's heap and keeps up to 20,000 rows of a result there (at
 * 512 MB): at a million incidents three statistics by perpetrator and month at once took more than the heap, and
 * sixteen by perpetrator and year brought the collector to a crawl (3 answers in 20 s); an H2 that runs out of memory
 * closes its database. Others wait up to {@code kb.stats.wide-wait}, then get 503 with Retry-After. Other statistics,
 * and every statistic on PostgreSQL (which counts in its own memory, and whose rows reach the service through a
 * cursor), are not limited.
 */
@ApplicationScoped
public class WideStatistics {

    /** A computation that writes as it reads. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException;
    }

    private final Semaphore permits;
    private final int concurrency;
    private final Duration wait;
    private final boolean postgres;

    public WideStatistics(KbConfig config, Database database) {
        this.postgres = database.isPostgres();
        this.concurrency = config.stats().wideConcurrency();
        this.permits = new Semaphore(concurrency, true);
        this.wait = config.stats().wideWait();
    }

    /** Whether the statistic is one this limits (above). */
    boolean limits(List<Dimension> groupBy) {
        return !postgres && (groupBy.contains(Dimension.PERPETRATOR) || groupBy.contains(Dimension.ADMIN1));
    }

    /** Runs {@code work}, first waiting for a permit when this {@link #limits} the statistic. */
    public void run(List<Dimension> groupBy, Work work) throws IOException {
        if (!limits(groupBy)) {
            work.run();
            return;
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, "urn:incident-kb:problem:busy", "Too many large statistics at once",
                    "Statistics grouped by perpetrator or admin1 are computed " + concurrency + " at a time "
                            + "(kb.stats.wide-concurrency), and none ended within " + wait.toSeconds() + " s; ask "
                            + "again later, or narrow the filter", null);
        }
        try {
            work.run();
        } finally {
            permits.release();
        }
    }
}

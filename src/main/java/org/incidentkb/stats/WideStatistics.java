package org.incidentkb.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.ProblemException;

/**
 * Computes at most {@code kb.stats.wide-concurrency} statistics at a time whose groups grow with the data: those
 * grouped by perpetrator or admin1 (by perpetrator and month, a million incidents make ~500,000 groups, and H2 holds
 * a grouping's groups in memory while it counts: three at once took more than a 512 MB heap, and an H2 that runs out
 * of memory closes its database). Others wait up to {@code kb.stats.wide-wait}, then get 503 with Retry-After.
 * Statistics of other groupings are not limited.
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

    public WideStatistics(KbConfig config) {
        this.concurrency = config.stats().wideConcurrency();
        this.permits = new Semaphore(concurrency, true);
        this.wait = config.stats().wideWait();
    }

    /** Whether a grouping's number of groups grows with the data. */
    static boolean wide(List<Dimension> groupBy) {
        return groupBy.contains(Dimension.PERPETRATOR) || groupBy.contains(Dimension.ADMIN1);
    }

    /** Runs {@code work}, first waiting for a permit when the grouping is {@link #wide}. */
    public void run(List<Dimension> groupBy, Work work) throws IOException {
        if (!wide(groupBy)) {
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

package org.incidentkb.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Keeps an H2 database file from growing without bound while the service writes (docs/adr/0014). H2 writes each
 * commit as a new chunk at the end of its file (copy-on-write) and reuses a chunk's space only once none of its pages
 * is live; the thread of its own that copies the few live pages out of mostly dead chunks runs only when commits may
 * be delayed ({@code WRITE_DELAY > 0}). The KB runs with {@code WRITE_DELAY=0}, so that a 2xx means the write is in
 * the file, and without this importing 100,000 incidents left a 2.9 GB file (a tenth of it live) and a million 27 GB.
 * <p>
 * This does that thread's work: every {@link #INTERVAL_MILLIS} it rewrites the live pages of the emptiest chunks and
 * commits them, so that those chunks are freed and H2 writes new chunks into their space. While writes go on, only
 * when under {@link #BUSY_FILL_RATE} % of the chunks' bytes are live and at most {@link #BUSY_WRITE_LIMIT} bytes a
 * pass (a page rewritten now may be changed again by the next batch, and each rewrite holds H2's store lock, which
 * commits wait for); when no commit came since the last pass, up to {@link #IDLE_FILL_RATE} %. It also syncs the file
 * to disk every {@link #SYNC_MILLIS} (H2 leaves that to the operating system), which is what lets it shorten how old
 * a chunk must be before its space is written over from H2's 45 s, chosen for an operating system's own write-back
 * delay, to {@link #RETENTION_MILLIS}. Nothing on PostgreSQL, nor on an in-memory H2.
 */
@ApplicationScoped
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);
    static final long INTERVAL_MILLIS = 200;
    static final int BUSY_FILL_RATE = 50;
    static final int BUSY_WRITE_LIMIT = 1 << 20;
    static final int IDLE_FILL_RATE = 80;
    static final int IDLE_WRITE_LIMIT = 4 << 20;
    static final long SYNC_MILLIS = 1_000;
    static final int RETENTION_MILLIS = 5_000;

    private final DataSource dataSource;
    private final boolean enabled;
    private final int retentionMillis;
    private ScheduledExecutorService thread;
    private volatile boolean stopping;
    private long lastSync;
    private long lastVersion = -1;
    private boolean retentionSet;
    private boolean warned;

    @Inject
    public H2Housekeeping(DataSource dataSource, Database database,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this(dataSource, appliesTo(url, database.isPostgres()), RETENTION_MILLIS);
    }

    /** An H2 database in a file (not in memory, not over the network), which this process alone writes. */
    static boolean appliesTo(String url, boolean postgres) {
        return !postgres && (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~/")
                || url.startsWith("jdbc:h2:/"));
    }

    H2Housekeeping(DataSource dataSource, boolean enabled, int retentionMillis) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.retentionMillis = retentionMillis;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread t = new Thread(runnable, "kb-h2-housekeeping");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(this::pass, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops after the pass under way, without interrupting it: an interrupt in H2's file I/O closes the file. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (thread != null) {
            thread.shutdown();
        }
    }

    /** One pass: the sync when due, then at most one rewrite. */
    void pass() {
        if (stopping) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            if (store.isClosed() || store.getFileStore() == null) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastSync >= TimeUnit.MILLISECONDS.toNanos(SYNC_MILLIS)) {
                store.sync();
                lastSync = now;
                if (!retentionSet) { // only once the file is being synced
                    store.setRetentionTime(retentionMillis);
                    retentionSet = true;
                }
            }
            boolean idle = store.getCurrentVersion() == lastVersion;
            if (store.compact(idle ? IDLE_FILL_RATE : BUSY_FILL_RATE, idle ? IDLE_WRITE_LIMIT : BUSY_WRITE_LIMIT)) {
                store.commit(); // writes the rewritten pages out; the chunks they came from hold nothing live now
            }
            lastVersion = store.getCurrentVersion();
        } catch (SQLException | RuntimeException | LinkageError e) {
            // Said once: a pass that fails every time (an H2 whose objects changed) leaves the file growing as before.
            if (!warned) {
                warned = true;
                LOG.warnf(e, "H2 housekeeping pass failed (the file is not compacted while this goes on); "
                        + "later failures are logged at debug level");
            } else {
                LOG.debugf(e, "H2 housekeeping pass failed; the next one tries again");
            }
        }
    }

    /** H2's store under a pooled connection (the embedded database's own objects, as of H2 2.4). */
    private static MVStore store(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}

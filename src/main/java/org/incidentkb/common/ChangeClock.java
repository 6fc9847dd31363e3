package org.incidentkb.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the KB's data looks like now, as a short token that changes whenever a committed write could change an
 * answer: the ETag of lists, statistics and exports is made from it ({@link CollectionRevalidation}). Two asks that
 * get the same token see the same data. The token is read before the query it tags, so a write that commits in
 * between can only make the tag older than the body (the next ask then gets a fresh answer), never newer.
 * <ul>
 * <li><b>PostgreSQL</b>: the snapshot of the database the request reads from ({@code pg_current_snapshot()}: the
 * transactions committed and in progress). The same snapshot means the same visible rows, whichever instance of the
 * service wrote them, so many instances of one build over one database (and a read replica) tag alike; the build's
 * identity is part of the token, so a tag from before a deployment does not match an answer of the new build.</li>
 * <li><b>H2</b> (embedded: this process is the only writer): a counter in memory, moved twice by every writing
 * transaction: just before it commits (before its rows become visible) and just after. A transaction writes unless it
 * runs for a GET or HEAD request (imports, matching, start-up and every other request's transactions count as
 * writes). An answer read before the first move carries the old token; one read between the moves, while the commit
 * is under way, carries none (it may or may not see the rows); the second move retires every token read before it.
 * So no token outlives the data it was read from, and a long write (an import) does not stop answers from being
 * tagged meanwhile, only the milliseconds of each commit. A random prefix per start keeps tags of an earlier run (and of a
 * database file replaced meanwhile) from matching.</li>
 * </ul>
 */
@ApplicationScoped
public class ChangeClock {

    private static final int COMMITTING_BITS = 24;
    private static final long COMMITTING_MASK = (1L << COMMITTING_BITS) - 1;

    private final Database database;
    /** This build (its time, from the build), so that tags of another build never match. */
    private final String build;
    private final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    /** The high bits count the moves, the low bits the commits under way. */
    private final AtomicLong state = new AtomicLong();
    /** The writing transactions not yet ended, and those of them committing now, by the id Narayana gives them. */
    private final Set<Object> writing = ConcurrentHashMap.newKeySet();
    private final Set<Object> committing = ConcurrentHashMap.newKeySet();

    public ChangeClock(Database database,
            @ConfigProperty(name = "incident-kb.build", defaultValue = "unknown") String build) {
        this.database = database;
        this.build = build;
    }

    /** The token of the data the current request reads, or empty while a commit is under way (on H2). */
    public Optional<String> now() {
        if (database.isPostgres()) {
            String snapshot = database.text("select pg_current_snapshot()::text");
            return Optional.of(postgresToken(build, snapshot));
        }
        long s = state.get();
        return (s & COMMITTING_MASK) != 0 ? Optional.empty() : Optional.of("h" + run + "." + (s >>> COMMITTING_BITS));
    }

    /**
     * The token on PostgreSQL: the snapshot, and the build, since a new build may write the same data differently (a
     * bounded total where an exact one was); instances of one build over one database still tag alike.
     */
    static String postgresToken(String build, String snapshot) {
        return "p" + ETags.digest(build + "\n" + snapshot);
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!database.isPostgres() && !forRead()) {
            writing.add(transaction);
        }
    }

    /** Before the commit (or rollback) of a writing transaction: its rows are not visible yet. */
    void ending(@Observes @BeforeDestroyed(TransactionScoped.class) Object transaction) {
        if (writing.contains(transaction) && committing.add(transaction)) {
            state.addAndGet((1L << COMMITTING_BITS) + 1);
        }
    }

    /** After it: its rows are visible (or gone). */
    void ended(@Observes @Destroyed(TransactionScoped.class) Object transaction) {
        if (writing.remove(transaction)) {
            state.addAndGet(committing.remove(transaction) ? (1L << COMMITTING_BITS) - 1 : 1L << COMMITTING_BITS);
        }
    }

    /** Whether the transaction beginning on this thread serves a GET or HEAD request. */
    private static boolean forRead() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext request = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (request == null) {
            return false;
        }
        HttpMethod method = request.request().method();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}

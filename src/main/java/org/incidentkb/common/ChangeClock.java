package org.incidentkb.common;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.jooq.impl.DSL;

/**
 * What the KB's data looks like now, as a short token that changes whenever a committed write could change an
 * answer: the ETag of lists, statistics and exports is made from it ({@link CollectionRevalidation}). Two asks that
 * get the same token see the same data. The token is read before the query it tags, so a write that commits in
 * between can only make the tag older than the body (the next ask then gets a fresh answer), never newer.
 * <ul>
 * <li><b>PostgreSQL</b>: the snapshot of the database the request reads from ({@code pg_current_snapshot()}: the
 * transactions committed and in progress). The same snapshot means the same visible rows, whichever instance of the
 * service wrote them, so many instances over one database (and a read replica) tag alike.</li>
 * <li><b>H2</b> (embedded: this process is the only writer): a counter in memory, moved when a writing
 * transaction begins and again when it ends. A transaction writes unless it runs for a GET or HEAD request
 * (imports, matching, start-up and every other request's transactions count as writes). While one is in progress
 * there is no token (the answer goes out without an ETag), so no tag can name data that a commit is about to
 * change. A random prefix per start keeps tags of an earlier run (and of a database file replaced meanwhile) from
 * matching.</li>
 * </ul>
 */
@ApplicationScoped
public class ChangeClock {

    /** The low bits count transactions writing now, the high bits every begin and end of one. */
    private static final int WRITING_BITS = 24;
    private static final long WRITING_MASK = (1L << WRITING_BITS) - 1;
    private static final long BEGIN = (1L << WRITING_BITS) + 1;
    private static final long END = (1L << WRITING_BITS) - 1;

    private final Database database;
    private final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private final AtomicLong state = new AtomicLong();
    /** The writing transactions not yet ended, by the id Narayana gives them. */
    private final Set<Object> writing = ConcurrentHashMap.newKeySet();

    public ChangeClock(Database database) {
        this.database = database;
    }

    /** The token of the data the current request reads, or empty while it cannot be told (a write in progress). */
    public Optional<String> now() {
        if (database.isPostgres()) {
            String snapshot = database.read(sql -> sql.fetchValue(DSL.field("pg_current_snapshot()::text", String.class)));
            return Optional.of("p" + ETags.digest(snapshot));
        }
        long s = state.get();
        return (s & WRITING_MASK) != 0 ? Optional.empty() : Optional.of("h" + run + "." + (s >>> WRITING_BITS));
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!database.isPostgres() && !forRead()) {
            writing.add(transaction);
            state.addAndGet(BEGIN);
        }
    }

    void ended(@Observes @Destroyed(TransactionScoped.class) Object transaction) {
        if (writing.remove(transaction)) {
            state.addAndGet(END);
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

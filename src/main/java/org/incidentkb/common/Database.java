package org.incidentkb.common;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * Which database this is, and typed read queries (jOOQ, docs/adr/0010) run on the connection of the current
 * Hibernate session: in its transaction, on the datasource the session was routed to (the replica for a read-only
 * request, ADR 0005). Queries run here do not flush the session; they serve reads.
 */
@ApplicationScoped
public class Database {

    private static final Settings SETTINGS = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withRenderNameCase(RenderNameCase.AS_IS).withRenderSchema(false).withExecuteLogging(false)
            .withFetchWarnings(false).withAttachRecords(false).withReflectionCaching(true);

    private static final String QUERY_CANCELED = "57014";

    private final EntityManager em;
    private final ReadRouting routing;
    private final ReplicaConnections connections;
    private final boolean postgres;
    /** Made once: a configuration is costly to build, and a query only needs it bound to a connection. */
    private final Configuration configuration;

    public Database(EntityManager em, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @PersistenceUnitExtension ReadRouting routing, @PersistenceUnitExtension ReplicaConnections connections) {
        this.em = em;
        this.routing = routing;
        this.connections = connections;
        this.postgres = dbKind.startsWith("postgres");
        this.configuration = new DefaultConfiguration().set(postgres ? SQLDialect.POSTGRES : SQLDialect.H2)
                .set(SETTINGS);
    }

    /** PostgreSQL (the production database) rather than the embedded H2. */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Keeps every other transaction from writing to the table until the caller's ends (reads go on): PostgreSQL's
     * SHARE lock, for a rebuild of what is derived from the whole table while other instances may write. H2 is
     * embedded in the one instance, which rebuilds at start, before it serves any write.
     */
    public void lockAgainstWrites(String table) {
        if (postgres) {
            em.unwrap(Session.class).doWork(c -> {
                try (var s = c.createStatement()) {
                    s.execute("lock table " + table + " in share mode");
                }
            });
        }
    }

    /**
     * Has PostgreSQL gather fresh statistics of a table whose rows were all rewritten, so that the next plans see them
     * (H2 keeps its own as it goes).
     */
    public void analyze(String table) {
        if (postgres) {
            em.unwrap(Session.class).doWork(c -> {
                try (var s = c.createStatement()) {
                    s.execute("analyze " + table);
                }
            });
        }
    }

    /**
     * Runs statements built with jOOQ on the session's connection after flushing the session's pending changes, as
     * Hibernate does before a native query, so that they read and write what the transaction did so far.
     */
    public <T> T flushed(Function<DSLContext, T> statements) {
        if (QuarkusTransaction.isActive()) {
            em.flush();
        }
        return read(statements);
    }

    /** An HQL expression of a text's folded spelling ({@link TextFold}), in this database's functions. */
    public String foldedHql(String expression) {
        return TextFold.hql(expression, postgres);
    }

    /** Statements built with jOOQ on a connection the caller holds (not the session's). */
    public DSLContext on(Connection connection) {
        return DSL.using(configuration.derive(new DefaultConnectionProvider(connection)));
    }

    /** Runs a query built with jOOQ on the session's connection (without flushing the session first). */
    public <T> T read(Function<DSLContext, T> query) {
        return em.unwrap(Session.class).doReturningWork(connection -> query.apply(
                DSL.using(configuration.derive(new DefaultConnectionProvider(connection)))));
    }

    /**
     * The one text value a fixed statement selects, over plain JDBC: for a statement run on every request (the driver
     * prepares it once per connection, and nothing is rendered each time). In a transaction on its connection; outside
     * one on a connection of the request's database (ReadRouting) taken for the statement alone, not the session's: a
     * session outside a transaction keeps the connection of its first work until the request ends, and a request that
     * read the snapshot behind its ETag so, then opened a transaction (a statistic, an export's chunks), held one
     * connection while it waited for another, which deadlocks the pool as soon as as many such requests run as it has
     * connections (ADR 0010's addendum, OneConnectionPerReadTest).
     */
    public String text(String constantSql) {
        if (QuarkusTransaction.isActive()) {
            return em.unwrap(Session.class).doReturningWork(connection -> text(connection, constantSql));
        }
        try (Connection connection = connections.dataSource(routing.resolveTenantId()).getConnection()) {
            return text(connection, constantSql);
        } catch (SQLException e) {
            throw new DataAccessException("Could not run " + constantSql + ": " + e.getMessage(), e);
        }
    }

    private static String text(Connection connection, String constantSql) throws SQLException {
        try (var query = connection.prepareStatement(constantSql); var row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /**
     * A count that runs for at most {@code seconds}: past that the database cancels it and the caller gets a 503
     * (with Retry-After) saying how to ask instead (kb.lists.exact-count-timeout).
     */
    public long countWithin(int seconds, Function<DSLContext, ResultQuery<? extends Record1<? extends Number>>> count) {
        try {
            return read(sql -> count.apply(sql).queryTimeout(seconds).fetchOne().value1().longValue());
        } catch (org.jooq.exception.DataAccessException e) {
            if (!cancelled(e)) {
                throw e;
            }
            throw ProblemException.countTimeout(seconds);
        }
    }

    /**
     * Whether a failure is the database cancelling a statement past its query timeout: SQLSTATE 57014 on PostgreSQL
     * and H2, or the driver's SQLTimeoutException, however wrapped (jOOQ, Hibernate).
     */
    public static boolean cancelled(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof SQLTimeoutException || e instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A context that only renders SQL (for tests and logs). */
    public DSLContext renderer() {
        return DSL.using(configuration);
    }
}

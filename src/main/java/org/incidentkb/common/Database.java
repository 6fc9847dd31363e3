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
 * Which database this is, and typed read queries (jOOQ, docs/adr/0010) run in the current transaction, or outside one on
 * a connection of the request's database (the replica for a read-only request, ADR 0005) held for the query alone.
 * Queries run here do not flush the session; they serve reads.
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

    /** Runs a query built with jOOQ ({@link #withConnection}). */
    public <T> T read(Function<DSLContext, T> query) {
        return withConnection(connection -> query.apply(
                DSL.using(configuration.derive(new DefaultConnectionProvider(connection)))));
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection of the current transaction (its session's), or outside one on a connection of
     * the request's database (ReadRouting) taken for this work alone and given back at once. Not the session's: a
     * session outside a transaction keeps the connection it took until the request ends, and a request that then
     * opens a transaction (a statistic, an export's chunks) holds one connection while it waits for another, which
     * deadlocks the pool as soon as as many such requests run as it has connections (OneConnectionPerReadTest).
     */
    public <T> T withConnection(ConnectionWork<T> work) {
        if (QuarkusTransaction.isActive()) {
            return em.unwrap(Session.class).doReturningWork(work::run);
        }
        try (Connection connection = connections.dataSource(routing.resolveTenantId()).getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException("A read failed: " + e.getMessage(), e);
        }
    }

    /**
     * The one text value a fixed statement selects, over plain JDBC ({@link #withConnection}): for a statement run on
     * every request (the driver prepares it once per connection, and nothing is rendered each time).
     */
    public String text(String constantSql) {
        return withConnection(connection -> {
            try (var query = connection.prepareStatement(constantSql); var row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        });
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

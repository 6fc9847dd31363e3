package org.incidentkb.common;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.agroal.DataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On PostgreSQL, every pooled connection plans each statement for the values it is run with. After five runs of a
 * prepared statement PostgreSQL may switch to a plan made for any value, whose estimates are averages: an actor with
 * 97 claims. For Islamic State's 9,592 that plan looks up each incident by key (54 ms for the total of
 * {@code claimedBy=Islamic State&type=suicide-bomb} at a million incidents, 5 ms with its own plan). Planning takes
 * far less than such a plan's worst case. H2 plans every statement for its values anyway.
 */
@Singleton
public class CustomPlans implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(CustomPlans.class);

    private final boolean postgres;

    public CustomPlans(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.postgres = dbKind.startsWith("postgres");
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        if (!postgres) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("set plan_cache_mode = force_custom_plan");
        } catch (SQLException e) {
            // Before PostgreSQL 12 there is no such setting: the connection plans as the server does.
            LOG.warnf("A new connection was not set to plan statements for their values: %s", e.getMessage());
        }
    }

    /** The same for the read replica's connections (ReadRouting). */
    @Singleton
    @DataSource("replica")
    public static class OnReplica extends CustomPlans {

        public OnReplica(@ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
            super(dbKind);
        }
    }
}

package org.incidentkb.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/** The connections behind {@link ReadRouting}'s two tenants: the default datasource, and the datasource "replica". */
@ApplicationScoped
@PersistenceUnitExtension
public class ReplicaConnections implements TenantConnectionResolver {

    private final Instance<AgroalDataSource> primary;
    private final Instance<AgroalDataSource> replica;

    public ReplicaConnections(@Default Instance<AgroalDataSource> primary,
            @DataSource("replica") Instance<AgroalDataSource> replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new QuarkusConnectionProvider(dataSource(tenantId));
    }

    /** The datasource of a tenant, for the few reads that go around Hibernate (a document by id). */
    public AgroalDataSource dataSource(String tenantId) {
        return ReadRouting.REPLICA.equals(tenantId) ? replica.get() : primary.get();
    }
}

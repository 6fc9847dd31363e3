package org.incidentkb.common;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Routes reads to a streaming replica: while the datasource {@code replica} is active
 * ({@code QUARKUS_DATASOURCE_REPLICA_ACTIVE=true} and its URL), the database sessions of GET and HEAD requests
 * read from it; everything else (writes, imports, start-up, sign-in) goes to the primary. Hibernate's DATABASE
 * multi-tenancy picks the connection when a session opens, so a request that must see the primary in the middle of
 * a read runs that part through {@link #onPrimary}.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class ReadRouting implements TenantResolver {

    /** The tenant ids, i.e. which database a session talks to (see {@link ReplicaConnections}). */
    public static final String PRIMARY = "primary";
    public static final String REPLICA = "replica";

    private static final String FORCE_PRIMARY = ReadRouting.class.getName() + ".primary";

    private final boolean replicaActive;

    public ReadRouting(@ConfigProperty(name = "quarkus.datasource.replica.active", defaultValue = "false") boolean replicaActive) {
        this.replicaActive = replicaActive;
    }

    @Override
    public String getDefaultTenantId() {
        return PRIMARY;
    }

    @Override
    public String resolveTenantId() {
        if (!replicaActive) {
            return PRIMARY;
        }
        RoutingContext request = currentRequest();
        if (request == null || request.get(FORCE_PRIMARY) != null) {
            return PRIMARY;
        }
        HttpMethod method = request.request().method();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) ? REPLICA : PRIMARY;
    }

    /**
     * Runs the work in a new transaction on the primary, whatever the request: what a read writes (a rebuilt
     * document), and what must not lag behind (checking a password against a user just disabled).
     */
    public static <T> T onPrimary(Supplier<T> work) {
        RoutingContext request = currentRequest();
        if (request == null) {
            return QuarkusTransaction.requiringNew().call(work::get);
        }
        Object before = request.get(FORCE_PRIMARY);
        request.put(FORCE_PRIMARY, Boolean.TRUE);
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            if (before == null) {
                request.remove(FORCE_PRIMARY);
            }
        }
    }

    private static RoutingContext currentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
    }
}

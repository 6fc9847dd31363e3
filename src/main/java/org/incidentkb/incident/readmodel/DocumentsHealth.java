package org.incidentkb.incident.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in {@code /q/health/ready} whether the documents of incidents that lost theirs (an actor or source they show
 * renamed, a migration) are being stored again ({@code storing}) or none is being worked on ({@code idle}). Always
 * UP: until its document is back, an incident is read from its entities, slower but the same.
 */
@Readiness
@ApplicationScoped
public class DocumentsHealth implements HealthCheck {

    private final DocumentRebuilder rebuilder;

    public DocumentsHealth(DocumentRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("documents").up().withData("state", rebuilder.busy() ? "storing" : "idle")
                .build();
    }
}

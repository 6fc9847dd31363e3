package org.incidentkb.incident.text;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in {@code /q/health/ready} whether {@code q=} is answered from the text index ({@code ready}), still by a scan
 * while the index catches up after a start ({@code catching-up}), by a scan because the index could not follow a
 * write ({@code broken}, logged; until it has compared itself with the database again, 30 s later), or always by
 * the database ({@code off}: switched off, or its directory held by another process). Always UP: a search that
 * scans is slower, not wrong.
 */
@Readiness
@ApplicationScoped
public class TextIndexHealth implements HealthCheck {

    private final TextIndex index;

    public TextIndexHealth(TextIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("text-index").up().withData("state", index.state()).build();
    }
}

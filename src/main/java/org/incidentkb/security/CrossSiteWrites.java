package org.incidentkb.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses writes sent by a page of another origin (cross-site request forgery: a browser adds the credentials it
 * remembers to a form post from any site) unless that origin is one the CORS settings allow. Browsers send
 * {@code Origin} on every cross-origin write, so a write with a foreign Origin is refused with a 403 problem before
 * anything reads it; clients that are not browsers send no Origin and are not affected.
 */
@ApplicationScoped
public class CrossSiteWrites {

    /** Runs before Quarkus's CORS filter, which would refuse the same request with an empty 403. */
    private static final int PRIORITY = 1000;

    private final List<String> allowed;

    public CrossSiteWrites(@ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.allowed = origins.orElse(List.of());
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        String origin = rc.request().getHeader("Origin");
        if (origin == null || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || sameOrigin(rc, origin) || allowed.contains(origin)) {
            rc.next();
            return;
        }
        rc.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                .end("{\"type\":\"urn:incident-kb:problem:cross-origin\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"Writes from pages of another origin are refused unless the service lists "
                        + "that origin in QUARKUS_HTTP_CORS_ORIGINS\",\"instance\":" + quote(rc.request().path()) + "}");
    }

    private static boolean sameOrigin(RoutingContext rc, String origin) {
        String host = rc.request().authority() == null ? null : rc.request().authority().toString();
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static String quote(String text) {
        return io.vertx.core.json.Json.encode(text);
    }
}

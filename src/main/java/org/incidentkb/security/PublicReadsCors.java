package org.incidentkb.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.incidentkb.common.KbConfig;

/**
 * While reads are public, a page of any origin may read the API anonymously, as curl can: an API GET or HEAD without
 * credentials (no Authorization header, no cookie) from an origin the CORS settings do not list gets
 * {@code Access-Control-Allow-Origin: *}, and so does its preflight. Credentials are never allowed with {@code *},
 * so a browser sends none; signed-in and writing requests still need a listed origin (Quarkus's CORS filter, and
 * {@link CrossSiteWrites}). Off with {@code kb.security.public-cors=false}, which a KB on an intranet should set:
 * otherwise any page its users open can read it through their browsers.
 */
@ApplicationScoped
public class PublicReadsCors {

    /** Runs before Quarkus's CORS filter, which answers an unlisted origin with 403. */
    private static final int PRIORITY = 999;
    private static final String EXPOSED = "ETag, Link, Location, Retry-After, X-Omitted-Without-Coordinates, "
            + "Content-Disposition";
    /** Request headers a reading page may send besides the ones browsers always allow. */
    private static final String ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since";

    private final boolean enabled;
    private final List<String> listed;

    public PublicReadsCors(KbConfig config,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.enabled = config.security().publicReads() && config.security().publicCors();
        this.listed = origins.orElse(List.of());
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::check, PRIORITY);
        }
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String origin = request.getHeader("Origin");
        if (origin == null || listed.contains(origin) || !request.path().startsWith("/api/")
                || request.getHeader("Authorization") != null || request.getHeader("Cookie") != null) {
            rc.next();
            return;
        }
        HttpMethod method = request.method();
        if (method == HttpMethod.OPTIONS) {
            String asked = request.getHeader("Access-Control-Request-Method");
            if ("GET".equals(asked) || "HEAD".equals(asked)) {
                rc.response().setStatusCode(204).putHeader("Access-Control-Allow-Origin", "*")
                        .putHeader("Access-Control-Allow-Methods", "GET, HEAD")
                        .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                        .putHeader("Access-Control-Max-Age", "3600").putHeader("Vary", "Origin").end();
                return;
            }
        } else if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            // Without its Origin the request passes the CORS filter as any non-browser request does; the answer
            // then says any origin may read it.
            request.headers().remove("Origin");
            rc.addHeadersEndHandler(v -> rc.response().putHeader("Access-Control-Allow-Origin", "*")
                    .putHeader("Access-Control-Expose-Headers", EXPOSED));
        }
        rc.next();
    }
}

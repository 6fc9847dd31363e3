package org.incidentkb.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps JSON bodies small while imports may send large files: the HTTP layer's limit
 * (quarkus.http.limits.max-body-size) is sized for imports, and every other request declaring a larger body
 * than kb.max-request-body is refused with 413 before it is read.
 */
public class BodyLimit {

    private final long limit;

    public BodyLimit(KbConfig config) {
        this.limit = config.maxRequestBody().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || request.getUriInfo().getPath().startsWith("/imports")) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(length.trim()) <= limit) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Problem problem = new Problem("urn:incident-kb:problem:payload-too-large", "Payload too large", 413,
                "The request body is larger than " + limit + " bytes", request.getUriInfo().getRequestUri().getRawPath(),
                null, null);
        return Optional.of(Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}

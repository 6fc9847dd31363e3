package org.incidentkb.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps JSON bodies small while imports may send large files: the HTTP layer's limit
 * (quarkus.http.limits.max-body-size) is sized for imports, and every other request declaring a larger body
 * than kb.max-request-body is refused with 413 before it is read. A body of undeclared length (chunked) could
 * not be held to the limit, so outside imports it is refused with 411 Length Required.
 */
public class BodyLimit {

    private final long limit;

    public BodyLimit(KbConfig config) {
        this.limit = config.maxRequestBody().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/imports")) {
            return Optional.empty();
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            String encoding = request.getHeaderString("Transfer-Encoding");
            return encoding == null || encoding.isBlank() ? Optional.empty()
                    : refuse(request, 411, "Length required", "Send the body with a Content-Length header (at most "
                            + limit + " bytes); only imports take bodies of undeclared length");
        }
        try {
            if (Long.parseLong(length.trim()) <= limit) {
                return Optional.empty();
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return refuse(request, 413, "Payload too large", "The request body is larger than " + limit + " bytes");
    }

    private static Optional<Response> refuse(ContainerRequestContext request, int status, String title, String detail) {
        String type = "urn:incident-kb:problem:" + title.toLowerCase().replace(' ', '-');
        Problem problem = new Problem(type, title, status, detail, request.getUriInfo().getRequestUri().getRawPath(),
                null, null);
        return Optional.of(Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}

package org.incidentkb.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks what no resource gets to see: a query string must be well-formed percent-encoded UTF-8 without control
 * characters ({@code q=%00} or overlong UTF-8 is a 400 problem, not a filter matching everything; a broken escape such
 * as {@code q=%zz} is refused with a bare 400 by Vert.x itself, before any handler runs),
 * and a path no route serves is a 404 problem rather than the server's default page.
 */
@ApplicationScoped
public class RequestGuard {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RequestGuard.class);

    void register(@Observes Filters filters) {
        filters.register(this::checkQuery, 900);
    }

    /**
     * Reads request bodies outside imports (at most kb.max-request-body) on the event loop before the request reaches
     * a worker thread, so clients that send headers and then stall their body hold a connection (closed after the
     * idle timeout), never a thread: two hundred of them cannot stop the service answering others. Imports stream
     * their bodies and are bounded by kb.security.max-concurrent-uploads instead. (HTTP/1.1 only, which is why HTTP/2
     * is off: RESTEasy reads an HTTP/2 body on a worker thread and cannot take one another handler has read.)
     */
    void bufferBodies(@Observes Router router, KbConfig config) {
        long limit = config.maxRequestBody().asLongValue();
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limit);
        var route = router.routeWithRegex("/api/v1/(?!imports).*").order(-1000);
        route.failureHandler(RequestGuard::closedEarly);
        route.handler(rc -> {
            if (rc.request().version() != io.vertx.core.http.HttpVersion.HTTP_2 && declaredLength(rc) > 0
                    && declaredLength(rc) <= limit) {
                bodies.handle(rc);
            } else {
                rc.next(); // no body, or one BodyLimit refuses (413 over the limit, 411 of undeclared length)
            }
        });
    }

    /**
     * A client that closed its connection before sending the body it announced is gone: nothing to answer and no
     * fault of the service, so one debug line instead of an error with an id (a wave of 300 stalled uploads closing
     * wrote 300 of those).
     */
    private static void closedEarly(RoutingContext rc) {
        if (rc.failure() instanceof io.vertx.core.http.HttpClosedException) {
            LOG.debugf("%s %s: the client closed the connection before sending its body", rc.request().method(),
                    Params.clip(rc.request().path()));
        } else {
            rc.next();
        }
    }

    /**
     * A client that accepts only application/problem+json (what generated clients send for an operation whose
     * success has no body, such as a DELETE's 204) is not refused with 406: it also gets what the resource writes
     * on success, as JSON.
     */
    void acceptProblemsOnly(@Observes Router router) {
        router.route("/api/v1/*").order(-1001).handler(rc -> {
            String accept = rc.request().getHeader("Accept");
            if (accept != null && accept.contains("application/problem+json") && !accept.contains("application/json")
                    && !accept.contains("*/*")) {
                rc.request().headers().set("Accept", accept + ", application/json;q=0.5");
            }
            rc.next();
        });
    }

    private static long declaredLength(RoutingContext rc) {
        try {
            String length = rc.request().getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A body without a Content-Type is refused with a 415 problem before any resource reads it: the service does
     * not guess what a body is.
     */
    void requireContentType(@Observes Router router) {
        router.route("/api/v1/*").order(-1002).handler(rc -> {
            var request = rc.request();
            boolean writes = switch (request.method().name()) {
                case "POST", "PUT", "PATCH" -> true;
                default -> false;
            };
            boolean hasBody = declaredLength(rc) > 0 || request.getHeader("Transfer-Encoding") != null;
            if (writes && hasBody && request.getHeader("Content-Type") == null) {
                send(rc, 415, "urn:incident-kb:problem:unsupported-media-type", "Unsupported media type",
                        "The body has no Content-Type; send application/json (application/merge-patch+json for "
                                + "PATCH, the dataset's type for imports)");
            } else {
                rc.next();
            }
        });
    }

    void notFound(@Observes Router router) {
        router.route().last().handler(rc -> send(rc, 404, "urn:incident-kb:problem:not-found", "Not found",
                "No resource at this path; the API is under /api/v1, its description at /q/openapi"));
    }

    private void checkQuery(RoutingContext rc) {
        String query = rc.request().query();
        String problem = query == null ? null : problemWith(query);
        if (problem == null) {
            rc.next();
        } else {
            send(rc, 400, "urn:incident-kb:problem:bad-request", "Bad request", "The query string " + problem);
        }
    }

    /** What is wrong with a raw query string, or null. */
    static String problemWith(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return "has a % that does not start a %XX escape (write %25 for a percent sign)";
                }
                bytes.put((byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c > 0x7f) {
                return "has characters that are not percent-encoded";
            } else {
                bytes.put((byte) (c == '+' ? ' ' : c));
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return "is not valid UTF-8 once decoded";
        }
        String text = StrictJson.problemWith(decoded);
        return text == null ? null : text.replace("contains", "contains, once decoded,");
    }

    static void send(RoutingContext rc, int status, String type, String title, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":"
                        + Json.encode(detail) + ",\"instance\":" + Json.encode(Params.clip(rc.request().path())) + "}");
    }
}

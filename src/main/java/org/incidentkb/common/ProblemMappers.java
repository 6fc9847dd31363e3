package org.incidentkb.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.AssertTrue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Renders every failure, ours and the framework's, as one RFC 9457 problem+json shape.
 * Nothing from an exception's class name, SQL or stack trace reaches the client. (Over 300 lines on purpose: one
 * error model is easiest to keep whole when every mapper is in one place.)
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What every 401 says about how to sign in. */
    private static final String CHALLENGE = "Basic realm=\"incident-kb\", Bearer";

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors(),
                null));
        if (e.status() == 401) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
        }
        return e.status() == 503 ? Response.fromResponse(response).header("Retry-After", "5").build() : response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        ProblemException p = ProblemException.invalid(errors);
        return problem(p, uri);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, JsonMappingException.class, ValueInstantiationException.class,
            InputCoercionException.class })
    public Response unreadableJson(Exception e, UriInfo uri) {
        return problem(unreadable((JsonProcessingException) e), uri);
    }

    /**
     * Another request changed (or deleted) the record between this one's read and its write. With If-Match the
     * client's precondition no longer holds: 412, as if it had arrived a moment later; otherwise 409.
     */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class,
            jakarta.persistence.EntityNotFoundException.class })
    public Response concurrentUpdate(Exception e, UriInfo uri, HttpHeaders headers) {
        if (headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            return problem(new ProblemException(412, "urn:incident-kb:problem:precondition-failed",
                    "Precondition failed", "The record was changed or deleted by another request at the same time, "
                            + "so If-Match no longer holds; read it again and reapply the change", null), uri);
        }
        return problem(ProblemException.conflict(
                "The record was changed or deleted by another request at the same time; read it again and reapply "
                        + "the change"), uri);
    }

    /**
     * The database refused a write a concurrent request made impossible after this one checked it: a unique
     * value (an external reference, a name) taken at the same moment, or a parent record deleted meanwhile.
     */
    @ServerExceptionMapper
    public Response refusedByDatabase(org.hibernate.exception.ConstraintViolationException e, UriInfo uri,
            HttpHeaders headers) {
        LOG.debugf(e, "Write refused by a database constraint on %s", path(uri));
        return problem(ProblemException.conflict("The write conflicts with a change another request made at the "
                + "same time (a unique value such as an external reference or name was just taken, or a record it "
                + "refers to was deleted); read the records again and retry"), uri);
    }

    private Response throttled(LoginThrottledException e, UriInfo uri) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return Response.fromResponse(problem(new ProblemException(429, "urn:incident-kb:problem:too-many-logins",
                "Too many failed logins", "Too many failed logins for this user from this address; try again in "
                        + seconds + " s", null), uri)).header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
            AuthenticationRedirectException.class })
    public Response unauthorized(Exception e, UriInfo uri) {
        if (e.getCause() instanceof LoginThrottledException throttled) {
            return throttled(throttled, uri);
        }
        if (e.getCause() instanceof SignInBusyException) {
            return Response.fromResponse(respond(new Problem("urn:incident-kb:problem:unavailable",
                    "Service unavailable", 503, "Too many sign-ins are being checked at once; try again in a moment",
                    path(uri), null, null))).header("Retry-After", "1").build();
        }
        String detail = e instanceof AuthenticationFailedException
                ? "Wrong user name or password, or an invalid or expired token"
                : "Sign in (HTTP Basic with a user of this service, or a bearer JWT) to do this";
        return Response.fromResponse(problem(new ProblemException(401, "urn:incident-kb:problem:unauthorized",
                "Unauthorized", detail, null), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(new ProblemException(403, "urn:incident-kb:problem:forbidden", "Forbidden",
                "Your roles do not allow this: writes need editor; deletes, imports and users need admin", null), uri);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() != null) {
            // RESTEasy reports a path or query parameter it cannot convert (e.g. /incidents/abc) as 404.
            return problem(ProblemException.badRequest("A path or query parameter has an invalid value: "
                    + describe(e.getCause())), uri);
        }
        return problem(new ProblemException(404, "urn:incident-kb:problem:not-found", "Not found",
                "No resource at " + path(uri), null), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return problem(unreadable(json), uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri, null);
        }
        Set<String> methods = status.getStatusCode() == 405
                ? allowedMethods.of(uri.getRequestUri().getRawPath()) : Set.of();
        if (!methods.isEmpty()) {
            String allowed = String.join(", ", methods);
            Response refused = problem(new ProblemException(405, "about:blank", status.getReasonPhrase(),
                    "This resource does not support that HTTP method; it allows " + allowed, null), uri);
            return Response.fromResponse(refused).header("Allow", allowed).build();
        }
        String detail = switch (status.getStatusCode()) {
            case 405 -> "This resource does not support that HTTP method";
            case 400 -> "The request could not be read" + (e.getCause() != null ? ": " + describe(e.getCause()) : "");
            case 406 -> "None of the media types in Accept can be produced by this resource";
            case 415 -> "This resource does not accept that Content-Type";
            default -> status.getReasonPhrase();
        };
        return problem(new ProblemException(status.getStatusCode(), "about:blank", status.getReasonPhrase(), detail, null),
                uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Throwable cause = rootPersistenceCause(e);
        if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
            return refusedByDatabase(violation, uri, headers);
        }
        if (cause instanceof OptimisticLockException || cause instanceof StaleStateException
                || cause instanceof jakarta.persistence.EntityNotFoundException) {
            return concurrentUpdate((Exception) cause, uri, headers);
        }
        if (isCollision(e)) {
            LOG.infof("A write on %s collided with concurrent writes (deadlock or lock timeout); answered 503", path(uri));
            return Response.fromResponse(respond(new Problem("urn:incident-kb:problem:unavailable",
                    "Service unavailable", 503, "The write collided with concurrent writes to the same records and "
                            + "was undone; nothing was changed. Try again in a moment", path(uri), null, null)))
                    .header("Retry-After", "1").build();
        }
        if (isPoolExhausted(e)) {
            LOG.warnf("No database connection free for %s; answered 503", path(uri));
            return Response.fromResponse(respond(new Problem("urn:incident-kb:problem:unavailable",
                    "Service unavailable", 503, "The service is busy; try again in a moment", path(uri), null, null)))
                    .header("Retry-After", "1").build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, path(uri));
        return respond(new Problem("urn:incident-kb:problem:internal", "Internal server error", 500,
                "The server failed to handle the request; report the correlation id to the operators",
                path(uri), null, id));
    }

    /** The constraint or lock failure inside a wrapper (a rollback, a transaction or a Jackson exception). */
    private static Throwable rootPersistenceCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException || t instanceof OptimisticLockException
                    || t instanceof StaleStateException || t instanceof jakarta.persistence.EntityNotFoundException) {
                return t;
            }
        }
        return null;
    }

    /**
     * Whether the database undid the transaction because it collided with concurrent ones: a deadlock it broke
     * (SQLSTATE 40P01 on PostgreSQL, 40001 on H2), a serialization failure (40001), or a lock it waited for in vain
     * (55P03 on PostgreSQL; HYT00, H2's lock timeout). Nothing was written; the same request may succeed a moment later.
     */
    static boolean isCollision(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && Set.of("40001", "40P01", "55P03", "HYT00").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is the connection pool's timeout: every connection busy (overload, not a bug). */
    private static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException && t.getMessage() != null
                    && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The problem a JSON document that cannot be read as the expected type poses, naming the field. */
    public static ProblemException unreadable(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            if (e instanceof MismatchedInputException) {
                return ProblemException.badRequest("The request body does not have the expected JSON shape");
            }
            return ProblemException.badRequest("The request body is not valid JSON" + where(e) + ": " + plain(e));
        }
        String field = jsonPath(mapping.getPath());
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "'" + Params.clip(String.valueOf(format.getValue())) + "' is not one of "
                    + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", ", "[", "]"));
        } else if (e instanceof InvalidFormatException format) {
            message = "'" + Params.clip(String.valueOf(format.getValue())) + "' is not a valid "
                    + simpleType(format.getTargetType());
        } else if (e instanceof ValueInstantiationException inst && inst.getCause() instanceof ProblemException p) {
            message = p.getMessage();
        } else if (e instanceof ValueInstantiationException inst && inst.getCause() instanceof IllegalArgumentException arg
                && arg.getMessage() != null) {
            message = arg.getMessage();
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            message = "unknown field";
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "expected " + simpleType(mismatch.getTargetType());
        } else if (e.getCause() instanceof InputCoercionException) {
            message = "number out of range";
        } else {
            message = "invalid value";
        }
        return ProblemException.invalid(field, message);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Jackson's message in plain words: its first sentence, without hints naming its own classes or features. */
    private static String plain(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        if (message.startsWith("Duplicate field")) {
            return Params.clip(message.replace("Duplicate field", "the field").replaceAll("[`']", "\"")) + " appears twice";
        }
        if (message.contains("Trailing token")) {
            return "there is more after the JSON value";
        }
        int cut = message.indexOf(';');
        int paren = message.indexOf(" (");
        if (paren >= 0 && (cut < 0 || paren < cut)) {
            cut = paren;
        }
        String first = cut > 0 ? message.substring(0, cut) : message;
        first = first.replaceAll("\\(code \\d+\\)", "").replaceAll("[A-Za-z]+Feature\\.[A-Z_]+", "").trim();
        return Params.clip(first.replace("\n", " ")).replaceAll("\\s+", " ");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.getSimpleName().equals("LocalDate")) {
            return "date (YYYY-MM-DD)";
        }
        if (type.getSimpleName().equals("Instant")) {
            return "timestamp (ISO-8601, e.g. 2024-01-16T00:00:00Z)";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Turns a bean-validation property path into the JSON field path, dropping the method and parameter. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (name != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(name);
            }
        }
        if (v.getConstraintDescriptor().getAnnotation() instanceof AssertTrue && !parts.isEmpty()) {
            parts.remove(parts.size() - 1); // a cross-field rule (isOrdered, isCoordinatePair) belongs to its object
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof NumberFormatException n) {
            return n.getMessage() != null && n.getMessage().startsWith("For input string")
                    ? n.getMessage().replace("For input string: ", "") + " is not a whole number"
                    : "not a whole number";
        }
        return cause.getMessage() == null ? "unreadable value" : cause.getMessage();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}

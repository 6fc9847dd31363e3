package org.incidentkb.common;

import java.util.List;

/**
 * A failure the client can act on. Thrown by services; rendered as problem+json by
 * {@link ProblemMappers}. Being a RuntimeException, it rolls back the transaction it leaves.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(cap(detail, 1000), null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : errors.stream()
                .map(e -> new Problem.FieldError(cap(e.field(), 200), cap(e.message(), 500))).toList();
    }

    /** Bounds what an error message can carry, so no request value is echoed back at length. */
    private static String cap(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "urn:incident-kb:problem:not-found", "Not found",
                what + " " + id + " does not exist", null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "urn:incident-kb:problem:bad-request", "Bad request", detail, null);
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : "The request has " + errors.size() + " invalid fields";
        return new ProblemException(400, "urn:incident-kb:problem:validation", "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** An exact count ({@code count=exact}) that the database cancelled after {@code seconds}: a 503. */
    public static ProblemException countTimeout(int seconds) {
        return new ProblemException(503, "urn:incident-kb:problem:count-timeout", "Count took too long",
                "Counting every match took longer than " + seconds + " s (kb.lists.exact-count-timeout); ask "
                        + "without count=exact for a total bounded at kb.lists.total-limit, or narrow the filter",
                null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "urn:incident-kb:problem:conflict", "Conflict", detail, null);
    }

    public static ProblemException staleVersion(String what, long expected, long actual) {
        return new ProblemException(409, "urn:incident-kb:problem:stale-version", "Version conflict",
                what + " is at version " + actual + ", the request was based on version " + expected
                        + "; read it again and reapply the change", null);
    }

    public static ProblemException preconditionFailed(String what, String ifMatch, long actual) {
        return new ProblemException(412, "urn:incident-kb:problem:precondition-failed", "Precondition failed",
                "If-Match " + ifMatch + " does not match the current ETag \"" + actual + "\" of " + what, null);
    }

    /** A create names no version: the record does not exist yet, so a version there is a mistake (400). */
    public static void requireNoVersion(Long version) {
        if (version != null) {
            throw invalid("version", "a new record has no version; leave it out (it is for writes to existing records)");
        }
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}

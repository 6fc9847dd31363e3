package org.incidentkb.common;

/** Strings shared by the OpenAPI annotations of every resource. */
public final class ApiDocs {

    private ApiDocs() {
    }

    public static final String PROBLEM = Problem.MEDIA_TYPE;

    public static final String BAD_REQUEST = "Invalid input: malformed JSON, a wrong type, an unknown enum value, "
            + "a constraint violation (listed in errors) or a bad parameter. Nothing was written.";
    public static final String NOT_FOUND = "No record with that id. Nothing was written.";
    public static final String CONFLICT = "The body's version is stale, or the write would break a uniqueness rule "
            + "or a reference. Nothing was written.";
    public static final String PRECONDITION_FAILED = "If-Match names an older version than the current one. "
            + "Nothing was written.";
    public static final String SERVER_ERROR = "Unexpected failure; the body carries a correlation id that is in the log.";

    public static final String UNAVAILABLE = "The service is busy: no database connection came free within the pool's "
            + "acquisition timeout (5 s), a sign-in (HTTP Basic) waited too long for its password check while many "
            + "were being checked, or a write kept colliding with concurrent writes to the same records (a deadlock "
            + "the database broke, tried again in vain). Nothing was changed; ask again after Retry-After seconds.";

    public static final String UNAVAILABLE_EXAMPLE = """
            {"type": "urn:incident-kb:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "The service is busy; try again in a moment", "instance": "/api/v1/incidents"}""";

    public static final String IF_MATCH = "ETag of the version this write is based on (from a previous response); "
            + "the write is refused with 412 if the record has changed since.";
    public static final String ETAG = "A strong entity tag of this representation: the record's version and a digest of its JSON "
            + "(\"3-9f86d081884c7d65\"); send it as If-Match on a later write (compared on the version), or as "
            + "If-None-Match on a read";
    public static final String NOT_MODIFIED_SINCE_CHANGE = "Not modified: nothing in the KB changed since the answer "
            + "whose ETag If-None-Match names (no body; keep using the one you have)";
    public static final String COLLECTION_ETAG = "A weak entity tag of this answer, made from the KB's state and the "
            + "request; send it as If-None-Match to get 304 while nothing changed. The service keeps recent bodies "
            + "by this tag, so the same request by the same reader is answered from them while nothing changed. "
            + "Absent while a commit is in progress on the embedded database.";
    public static final String COLLECTION_CACHE_CONTROL = "no-cache (keep it, but revalidate with If-None-Match "
            + "before using it), or public, max-age=N, must-revalidate when the operator sets kb.http.public-max-age; "
            + "private, no-cache for a signed-in reader";
    public static final String IF_NONE_MATCH_COLLECTION = "An ETag from an earlier answer to the same request: 304 "
            + "Not Modified, without a body, while nothing in the KB changed since";
    public static final String CACHE_CONTROL_REQUEST = "no-cache (or no-store) to have the answer computed again "
            + "rather than taken from the bodies the service keeps by ETag, and not kept";
    public static final String LOCATION = "URL of the created record";

    public static final String PAGE = "1-based page number";
    public static final String SIZE = "Page size, 1 to 500";

    public static final String UNAUTHORIZED = "Not signed in, or the credentials are wrong (a bad password, an invalid "
            + "or expired token). Nothing was written.";
    public static final String FORBIDDEN = "Signed in, but the user's roles do not allow this. Nothing was written.";
    public static final String UNAUTHORIZED_EXAMPLE = """
            {"type": "urn:incident-kb:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "Sign in (HTTP Basic with a user of this service, or a bearer JWT) to do this",
             "instance": "/api/v1/incidents"}""";
    public static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:incident-kb:problem:forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your roles do not allow this: writes need editor; deletes, imports and users need admin",
             "instance": "/api/v1/incidents"}""";
    public static final String VALIDATION_EXAMPLE = """
            {"type": "urn:incident-kb:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "location.latitude: must be less than or equal to 90", "instance": "/api/v1/incidents",
             "errors": [{"field": "location.latitude", "message": "must be less than or equal to 90"}]}""";
    public static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:incident-kb:problem:not-found", "title": "Not found", "status": 404,
             "detail": "Incident 999999 does not exist", "instance": "/api/v1/incidents/999999"}""";
    public static final String CONFLICT_EXAMPLE = """
            {"type": "urn:incident-kb:problem:stale-version", "title": "Version conflict", "status": 409,
             "detail": "Incident 2 is at version 3, the request was based on version 1; read it again and reapply the change",
             "instance": "/api/v1/incidents/2"}""";
    public static final String PRECONDITION_EXAMPLE = """
            {"type": "urn:incident-kb:problem:precondition-failed", "title": "Precondition failed", "status": 412,
             "detail": "If-Match \\"1\\" does not match the current ETag \\"3\\" of Incident 2", "instance": "/api/v1/incidents/2"}""";
    public static final String COUNT_TIMEOUT = "`count=exact` counted longer than kb.lists.exact-count-timeout "
            + "(10 s): ask without it (the total is then bounded) or narrow the filter";
    private static final String COUNT_TIMEOUT_PROBLEM = """
            {"type": "urn:incident-kb:problem:count-timeout", "title": "Count took too long", "status": 503,
             "detail": "Counting every match took longer than 10 s (kb.lists.exact-count-timeout); ask without \
            count=exact for a total bounded at kb.lists.total-limit, or narrow the filter",
             "instance": \"""";
    public static final String COUNT_TIMEOUT_EXAMPLE = COUNT_TIMEOUT_PROBLEM + "/api/v1/incidents\"}";
    public static final String CLAIMS_COUNT_TIMEOUT_EXAMPLE = COUNT_TIMEOUT_PROBLEM + "/api/v1/claims\"}";
    public static final String CASUALTIES_COUNT_TIMEOUT_EXAMPLE = COUNT_TIMEOUT_PROBLEM + "/api/v1/casualties\"}";
}

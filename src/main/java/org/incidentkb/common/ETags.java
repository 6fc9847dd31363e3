package org.incidentkb.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Versions as entity tags: a record at version 3 has ETag "3"; If-Match names the version a write is based on. */
public final class ETags {

    private ETags() {
    }

    /** Keep the representation, but revalidate it (If-None-Match) before using it again. */
    public static final jakarta.ws.rs.core.CacheControl REVALIDATE = jakarta.ws.rs.core.CacheControl.valueOf("no-cache");

    /** Whether an If-None-Match header names this version (or is "*"). */
    public static boolean matches(String ifNoneMatch, long version) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + version + "\"")) {
                return true;
            }
        }
        return false;
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version named by an If-Match header, or null when there is none or it is "*". */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, e.g. \"3\"");
        }
    }

    /** Checks the version a write is based on: If-Match first (412), then the body's version (409). */
    public static void check(String what, Long ifMatch, Long bodyVersion, long current) {
        if (ifMatch != null && ifMatch != current) {
            throw ProblemException.preconditionFailed(what, "\"" + ifMatch + "\"", current);
        }
        if (ifMatch == null && bodyVersion != null && bodyVersion != current) {
            throw ProblemException.staleVersion(what, bodyVersion, current);
        }
    }

    public static Response.ResponseBuilder tagged(Response.ResponseBuilder response, long version) {
        return response.tag(of(version));
    }
}

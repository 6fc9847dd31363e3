package org.incidentkb.common;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Entity tags. A record's ETag is strong and names the bytes it answers for: {@code "3-9f86d081884c7d65"} is
 * version 3 of the record with a digest of its JSON, so whatever changes the body (the record itself, or the name
 * of an actor or source it shows) changes the tag. If-Match on a write names the version the write is based on:
 * it is compared on the version part (a tag written only {@code "3"} is read the same), and a weak tag
 * ({@code W/"3"}) never matches, as RFC 9110's strong comparison requires.
 */
public final class ETags {

    private ETags() {
    }

    /** Keep the representation, but revalidate it (If-None-Match) before using it again. */
    public static final jakarta.ws.rs.core.CacheControl REVALIDATE = jakarta.ws.rs.core.CacheControl.valueOf("no-cache");

    /** What {@link #expectedVersion} reads from a weak tag: no version has it, so the write fails with 412. */
    private static final long WEAK = -1;

    /** The tag of this version of a record whose representation is these JSON bytes. */
    public static EntityTag of(long version, byte[] json) {
        return new EntityTag(version + "-" + digest(json));
    }

    /** Whether an If-None-Match header names this tag (or is "*"); weak comparison, as RFC 9110 has it for GETs. */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        String quoted = "\"" + tag.getValue() + "\"";
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(quoted)) {
                return true;
            }
        }
        return false;
    }

    /** The version named by an If-Match header, or null when there is none or it is "*". */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            return WEAK;
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        int dash = tag.indexOf('-');
        try {
            long version = Long.parseLong(dash > 0 ? tag.substring(0, dash) : tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, e.g. \"3-9f86d081884c7d65\"");
    }

    /** Checks the version a write is based on: If-Match first (412), then the body's version (409). */
    public static void check(String what, Long ifMatch, Long bodyVersion, long current) {
        if (ifMatch != null && ifMatch == WEAK) {
            throw new ProblemException(412, "urn:incident-kb:problem:precondition-failed", "Precondition failed",
                    "If-Match names a weak ETag (W/...), which never matches for a write; send the ETag of " + what
                            + " as this API returned it", null);
        }
        if (ifMatch != null && ifMatch != current) {
            throw ProblemException.preconditionFailed(what, "\"" + ifMatch + "\"", current);
        }
        if (ifMatch == null && bodyVersion != null && bodyVersion != current) {
            throw ProblemException.staleVersion(what, bodyVersion, current);
        }
    }

    /** 64 bits of the SHA-256 of the bytes, in hex. */
    static String digest(byte[] bytes) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(sha, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A versioned record loaded for a write: empty when there is none; otherwise the record, once the write is known
     * to be based on its current version (If-Match, and the version in the body when given): 412 or 409 if not.
     */
    public static <E extends Audited> Optional<E> forWrite(Optional<E> found, String what, long id, Long ifMatch,
            Long bodyVersion) {
        found.ifPresent(record -> check(what + " " + id, ifMatch, bodyVersion, record.getVersion()));
        return found;
    }
}

package org.incidentkb.common;

/**
 * Whether a page counts all its matches for {@code total}: not at all, up to the bound (kb.lists.total-limit, then
 * said to be a lower bound, as Elasticsearch's track_total_hits), or exactly ({@code count=exact}).
 */
public enum Count {
    NONE, BOUNDED, EXACT;

    /** The {@code count} parameter's documentation, the same on every list that has it. */
    public static final String PARAMETER = "`exact` counts every match for `total`; by default counting stops at "
            + "kb.lists.total-limit (10,000) and `totalRelation` says `gte` when more match (as Elasticsearch's "
            + "track_total_hits).";

    /** The {@code count} parameter: absent is bounded, {@code exact} is exact, anything else a 400. */
    public static Count parse(String value) {
        if (value == null) {
            return BOUNDED;
        }
        if (!value.equals("exact")) {
            throw ProblemException.invalid("count", "the only value is exact (count every match)");
        }
        return EXACT;
    }
}

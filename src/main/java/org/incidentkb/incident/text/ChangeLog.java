package org.incidentkb.incident.text;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's change log of incidents (V28: {@code incident_change}, one row per writing transaction, filled by a
 * trigger), as the text index follows it for the writes of other processes. Plain SQL on purpose: the table exists on
 * PostgreSQL only (so the schema generated from H2 has no type for it), and what it is read by (transaction ids as
 * {@code xid8}, {@code pg_current_snapshot()}) is PostgreSQL's own, which jOOQ does not model.
 */
final class ChangeLog {

    private ChangeLog() {
    }

    /** The {@code xmin} of the snapshot the connection's transaction reads: every transaction below it has finished. */
    static long snapshotXmin(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint");
                ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * The incidents of the rows written by transactions from {@code from} on, except those of {@code seen}, with the
     * newest updatedAt logged for each (µs; {@link Long#MAX_VALUE} for a deletion); the transactions at or above
     * {@code below} are added to {@code above}.
     */
    static Map<Long, Long> logged(Connection c, long from, Set<Long> seen, long below, Set<Long> above)
            throws SQLException {
        Map<Long, Long> logged = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select xid::text::bigint, incidents, updated "
                + "from incident_change where xid >= cast(? as xid8)")) {
            s.setString(1, Long.toString(from));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long xid = rows.getLong(1);
                    if (seen.contains(xid)) {
                        continue;
                    }
                    if (xid >= below) {
                        above.add(xid);
                    }
                    Long[] ids = (Long[]) rows.getArray(2).getArray();
                    java.sql.Array at = rows.getArray(3);
                    Object[] updated = at == null ? null : (Object[]) at.getArray();
                    for (int i = 0; i < ids.length; i++) {
                        // A deletion (no updatedAt) is always looked at; a change where it is newer.
                        long micros = updated == null ? Long.MAX_VALUE : micros(updated[i]);
                        logged.merge(ids[i], micros, Math::max);
                    }
                }
            }
        }
        return logged;
    }

    /** Drops the rows older than {@code kept} (any instance may; more than one is harmless). */
    static void prune(Connection c, Duration kept) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from incident_change where logged_at < now() - "
                + "make_interval(secs => ?)")) {
            s.setLong(1, kept.toSeconds());
            s.executeUpdate();
        }
    }

    /** A timestamp of the log's array (a {@code Timestamp}, or an {@code OffsetDateTime}) in µs. */
    private static long micros(Object t) {
        Instant instant = t instanceof OffsetDateTime o ? o.toInstant() : ((java.sql.Timestamp) t).toInstant();
        return TextIndex.micros(instant);
    }
}

package org.incidentkb.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.SqlWhere;

/**
 * The order of an incident list ({@code sort=startDate,-killed}) and its keyset cursors. Every order ends with
 * the id, so it is total and a cursor (the sort keys of the last row seen) resumes exactly after that row, at a
 * cost that does not grow with depth. Nullable keys sort through a constant, so no row is skipped.
 */
public record IncidentSort(List<Order> orders) {

    public static final String DEFAULT = "-startDate";
    public static final String FEED = "updatedAt";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys a list can be sorted on, with the SQL expression each sorts by (table alias {@code i}). */
    public enum Key {
        ID("id", "i.id", Key::asLong),
        START_DATE("startDate", "i.start_date", Key::asDate),
        END_DATE("endDate", "coalesce(i.end_date, i.start_date)", Key::asDate),
        UPDATED_AT("updatedAt", "i.updated_at", Key::asInstant),
        CREATED_AT("createdAt", "i.created_at", Key::asInstant),
        KILLED("killed", "coalesce(i.killed_best, -1)", Key::asInt),
        INJURED("injured", "coalesce(i.injured_best, -1)", Key::asInt),
        TITLE("title", "i.title", String::valueOf),
        COUNTRY("country", "coalesce(i.country_code, '')", String::valueOf);

        final String param;
        final String sql;
        private final Function<Object, Object> parse;

        Key(String param, String sql, Function<Object, Object> parse) {
            this.param = param;
            this.sql = sql;
            this.parse = parse;
        }

        static String names() {
            return Arrays.stream(values()).map(k -> k.param).collect(Collectors.joining(", "));
        }

        /** A value read from the database or a cursor, in the Java type the key binds as. */
        Object value(Object raw) {
            return parse.apply(raw);
        }

        private static Object asLong(Object v) {
            return v instanceof Number n ? n.longValue() : Long.parseLong(v.toString());
        }

        private static Object asInt(Object v) {
            return v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString());
        }

        private static Object asDate(Object v) {
            if (v instanceof java.sql.Date d) {
                return d.toLocalDate();
            }
            return v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
        }

        private static Object asInstant(Object v) {
            if (v instanceof Instant i) {
                return i;
            }
            if (v instanceof OffsetDateTime o) {
                return o.toInstant();
            }
            if (v instanceof Timestamp t) {
                return t.toInstant();
            }
            return Instant.parse(v.toString());
        }
    }

    public record Order(Key key, boolean descending) {
        String param() {
            return (descending ? "-" : "") + key.param;
        }
    }

    public static IncidentSort parse(String value, String fallback) {
        String spec = value == null || value.isBlank() ? fallback : value;
        List<Order> orders = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean desc = p.startsWith("-");
            String name = desc || p.startsWith("+") ? p.substring(1) : p;
            Key key = Arrays.stream(Key.values()).filter(k -> k.param.equals(name)).findFirst()
                    .orElseThrow(() -> ProblemException.invalid("sort", "unknown sort key '" + p + "'; one of "
                            + Key.names() + ", each optionally prefixed with - for descending"));
            if (!seen.add(key)) {
                throw ProblemException.invalid("sort", "'" + name + "' is listed twice");
            }
            orders.add(new Order(key, desc));
        }
        if (orders.isEmpty()) {
            return parse(fallback, fallback);
        }
        if (!seen.contains(Key.ID)) {
            orders.add(new Order(Key.ID, orders.get(orders.size() - 1).descending()));
        }
        return new IncidentSort(List.copyOf(orders));
    }

    public boolean isFeedOrder() {
        return orders.size() == 2 && orders.get(0).key() == Key.UPDATED_AT && !orders.get(0).descending()
                && orders.get(1).key() == Key.ID && !orders.get(1).descending();
    }

    public String spec() {
        return orders.stream().map(Order::param).collect(Collectors.joining(","));
    }

    /** The SELECT list after the id: one column per key, to build the cursor from the last row. */
    String keyColumns() {
        return orders.stream().map(o -> o.key().sql).collect(Collectors.joining(", "));
    }

    String orderBy() {
        return " order by " + orders.stream().map(o -> o.key().sql + (o.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));
    }

    /**
     * This order, led by a column every selected row has the same value in (a filter's single country), when the
     * order starts with the start date: the same order, said so that the database sees that its (column, start
     * date, id) index delivers the rows sorted (H2 only uses an index's order when the ORDER BY names its leading
     * columns).
     */
    String orderBy(String sameValueColumn) {
        if (sameValueColumn == null || orders.get(0).key() != Key.START_DATE) {
            return orderBy();
        }
        return " order by " + sameValueColumn + (orders.get(0).descending() ? " desc, " : " asc, ")
                + orderBy().substring(" order by ".length());
    }

    /** Narrows {@code where} to the rows after the cursor's row in this order. */
    void after(Cursor cursor, SqlWhere where) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(orders.get(j).key().sql + " = " + where.bind(cursor.values().get(j)));
            }
            Order o = orders.get(i);
            parts.add(o.key().sql + (o.descending() ? " < " : " > ") + where.bind(cursor.values().get(i)));
            alternatives.add("(" + String.join(" and ", parts) + ")");
        }
        // The first key's bound, repeated outside the OR, is what lets an index range start at the cursor.
        Order first = orders.get(0);
        where.and(first.key().sql + (first.descending() ? " <= " : " >= ") + where.bind(cursor.values().get(0)));
        where.and("(" + String.join(" or ", alternatives) + ")");
    }

    /** The key values of a row selected with {@link #keyColumns()} from column {@code at} on, in their Java types. */
    List<Object> keyValues(Object[] row, int at) {
        List<Object> values = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            values.add(orders.get(i).key().value(row[at + i]));
        }
        return values;
    }

    /** The cursor after a row. */
    Cursor cursorAt(IncidentRepository.SortedId row) {
        return new Cursor(spec(), row.keys());
    }

    /** A position in a sorted list: the sort it belongs to and the key values of the last row seen. */
    public record Cursor(String sort, List<Object> values) {

        public String encode() {
            List<Object> out = new ArrayList<>();
            out.add(sort);
            values.forEach(v -> out.add(v instanceof Number ? v : v.toString()));
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(out));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Reads a cursor made by {@link #encode} for this sort; anything else is a 400 on {@code after}. */
        static Cursor decode(String token, IncidentSort sort) {
            try {
                List<?> raw = JSON.readValue(Base64.getUrlDecoder().decode(token.trim()), List.class);
                if (raw.size() != sort.orders().size() + 1 || !sort.spec().equals(raw.get(0))) {
                    throw ProblemException.invalid("after", "the cursor belongs to another sort order than '"
                            + sort.spec() + "'; keep the sort of the request that returned it");
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < sort.orders().size(); i++) {
                    values.add(sort.orders().get(i).key().value(raw.get(i + 1)));
                }
                return new Cursor(sort.spec(), values);
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException | java.io.IOException e) {
                throw ProblemException.invalid("after", "not a cursor returned by this API");
            }
        }
    }
}

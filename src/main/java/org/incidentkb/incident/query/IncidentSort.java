package org.incidentkb.incident.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentkb.common.ProblemException;
import org.jooq.Comparator;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The order of an incident list ({@code sort=startDate,-killed}) and its keyset cursors. Every order ends with
 * the id, so it is total and a cursor (the sort keys of the last row seen) resumes exactly after that row, at a
 * cost that does not grow with depth. Nullable keys sort through a constant, so no row is skipped.
 */
public record IncidentSort(List<Order> orders, Field<Integer> relevance) {

    public IncidentSort(List<Order> orders) {
        this(orders, null);
    }

    public static final String DEFAULT = "-startDate";
    public static final String FEED = "updatedAt";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The keys a list can be sorted on, with the expression each sorts by (over the incident table aliased i). */
    public enum Key {
        ID("id", IncidentSchema.ID, Key::asLong),
        START_DATE("startDate", IncidentSchema.START_DATE, Key::asDate),
        END_DATE("endDate", DSL.coalesce(IncidentSchema.END_DATE, IncidentSchema.START_DATE), Key::asDate),
        UPDATED_AT("updatedAt", IncidentSchema.UPDATED_AT, Key::asInstant),
        CREATED_AT("createdAt", IncidentSchema.CREATED_AT, Key::asInstant),
        KILLED("killed", DSL.coalesce(IncidentSchema.KILLED_BEST, DSL.inline(-1)), Key::asInt),
        INJURED("injured", DSL.coalesce(IncidentSchema.INJURED_BEST, DSL.inline(-1)), Key::asInt),
        TITLE("title", IncidentSchema.TITLE, String::valueOf),
        COUNTRY("country", DSL.coalesce(IncidentSchema.COUNTRY_CODE, DSL.inline("")), String::valueOf),
        /**
         * Where the text of {@code q} was found, best first: 0 in the title, 1 in the locality, 2 in the summary, 3
         * elsewhere (a casualty's name). Its expression depends on {@code q}: {@link #withRelevance}.
         */
        RELEVANCE("relevance", null, Key::asInt);

        final String param;
        final Field<?> field;
        private final Function<Object, Object> parse;

        Key(String param, Field<?> field, Function<Object, Object> parse) {
            this.param = param;
            this.field = field;
            this.parse = parse;
        }

        static String names() {
            return Arrays.stream(values()).map(k -> k.param).collect(Collectors.joining(", "));
        }

        /** A value from a cursor, in the Java type the key's field has. */
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
            return v instanceof LocalDate d ? d : LocalDate.parse(v.toString());
        }

        private static Object asInstant(Object v) {
            return v instanceof Instant i ? i : Instant.parse(v.toString());
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

    /** Whether the order uses the relevance to {@code q}. */
    public boolean byRelevance() {
        return orders.stream().anyMatch(o -> o.key() == Key.RELEVANCE);
    }

    /** This order with the expression that ranks a row by relevance to the text searched for. */
    public IncidentSort withRelevance(Field<Integer> rank) {
        return new IncidentSort(orders, rank);
    }

    /** The expression a key sorts by. */
    private Field<?> field(Key key) {
        if (key != Key.RELEVANCE) {
            return key.field;
        }
        if (relevance == null) {
            throw new IllegalStateException("sort by relevance without the text searched for");
        }
        return relevance;
    }

    public boolean isFeedOrder() {
        return orders.size() == 2 && orders.get(0).key() == Key.UPDATED_AT && !orders.get(0).descending()
                && orders.get(1).key() == Key.ID && !orders.get(1).descending();
    }

    /** The lists' default order: the latest start date first, then the highest id. */
    public boolean isNewestFirst() {
        return orders.size() == 2 && orders.get(0).key() == Key.START_DATE && orders.get(0).descending()
                && orders.get(1).key() == Key.ID && orders.get(1).descending();
    }

    public String spec() {
        return orders.stream().map(Order::param).collect(Collectors.joining(","));
    }

    /** The fields to select after the id: one per key, to build the cursor from the last row. */
    List<Field<?>> keyFields() {
        return orders.stream().<Field<?>>map(o -> field(o.key())).toList();
    }

    List<SortField<?>> orderBy() {
        return orders.stream().<SortField<?>>map(o -> o.descending() ? field(o.key()).desc() : field(o.key()).asc())
                .toList();
    }

    /** This order over other columns holding the keys in the order of {@link #keyFields()} (a derived table's). */
    List<SortField<?>> orderByColumns(List<Field<?>> columns) {
        List<SortField<?>> order = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            order.add(orders.get(i).descending() ? columns.get(i).desc() : columns.get(i).asc());
        }
        return order;
    }

    /**
     * This order, led by columns every selected row has the same value in (a filter's single country; the actor and
     * role of {@code incident_by_actor}), when the order starts with the start date: the same order, said so that the
     * database sees that its (columns, start date, id) index delivers the rows sorted (H2 only uses an index's order
     * when the ORDER BY names its leading columns).
     */
    List<SortField<?>> orderBy(List<Field<?>> sameValueColumns) {
        if (sameValueColumns.isEmpty() || orders.get(0).key() != Key.START_DATE) {
            return orderBy();
        }
        List<SortField<?>> order = new ArrayList<>();
        for (Field<?> column : sameValueColumns) {
            order.add(orders.get(0).descending() ? column.desc() : column.asc());
        }
        order.addAll(orderBy());
        return order;
    }

    /** The keys this order sorts on, in order. */
    List<Key> keys() {
        return orders.stream().map(Order::key).toList();
    }

    /** The rows after the cursor's row in this order. */
    Condition after(Cursor cursor) {
        List<Condition> alternatives = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            List<Condition> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(compare(field(orders.get(j).key()), Comparator.EQUALS, cursor.values().get(j)));
            }
            Order o = orders.get(i);
            parts.add(compare(field(o.key()), o.descending() ? Comparator.LESS : Comparator.GREATER,
                    cursor.values().get(i)));
            alternatives.add(DSL.and(parts));
        }
        // The first key's bound, repeated outside the OR, is what lets an index range start at the cursor.
        Order first = orders.get(0);
        return compare(field(first.key()), first.descending() ? Comparator.LESS_OR_EQUAL : Comparator.GREATER_OR_EQUAL,
                cursor.values().get(0)).and(DSL.or(alternatives));
    }

    @SuppressWarnings("unchecked")
    private static <T> Condition compare(Field<T> field, Comparator comparator, Object value) {
        return field.compare(comparator, (T) value);
    }

    /** The key values of a row selected with {@link #keyFields()} after the id, in their Java types. */
    List<Object> keyValues(Record row) {
        List<Object> values = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            values.add(row.get(i + 1));
        }
        return values;
    }

    /** The cursor after a row. */
    Cursor cursorAt(IncidentQueries.SortedId row) {
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
        public static Cursor decode(String token, IncidentSort sort) {
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

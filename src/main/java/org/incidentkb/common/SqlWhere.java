package org.incidentkb.common;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The WHERE clause of a native query, built from conditions, with its named parameters. */
public final class SqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds a condition (AND) that may use {@code :name} placeholders bound with {@link #bind}. */
    public SqlWhere and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Binds a value and returns its placeholder, {@code :p3}. */
    public String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    public SqlWhere copy() {
        SqlWhere copy = new SqlWhere();
        copy.conditions.addAll(conditions);
        copy.parameters.putAll(parameters);
        return copy;
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** " where a and b", or "" when there is no condition. */
    public String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public <Q extends Query> Q apply(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}

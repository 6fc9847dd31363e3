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

    /** A clause with this one's parameters and none of its conditions (they were used elsewhere in the query). */
    public SqlWhere parametersOnly() {
        SqlWhere copy = new SqlWhere();
        copy.parameters.putAll(parameters);
        return copy;
    }

    /** This clause's conditions and one more, as " where ..."; the extra condition's values must be bound here. */
    public String sqlAnd(String condition) {
        return " where " + (conditions.isEmpty() ? "" : String.join(" and ", conditions) + " and ") + condition;
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

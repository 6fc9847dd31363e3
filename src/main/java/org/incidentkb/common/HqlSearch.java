package org.incidentkb.common;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search over one entity in HQL: the conditions given, then one page of it in a fixed order, counted as the request
 * asks (as the incident lists are): up to kb.lists.total-limit and then said to be a lower bound, exactly within
 * kb.lists.exact-count-timeout (past it a 503), or not at all. The page reads one record past its end, so whether
 * more follow is known without a total.
 *
 * @param <E> the entity
 */
public final class HqlSearch<E> {

    private final Class<E> type;
    private final String from;
    private final String fetch;
    private final String orderBy;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * A search over {@code from} (an entity and its alias, e.g. {@code Claim c}) for records of {@code type}, pages
     * loading {@code fetch} (joins after the entity, or "") in {@code orderBy}.
     */
    public HqlSearch(Class<E> type, String from, String fetch, String orderBy) {
        this.type = type;
        this.from = from;
        this.fetch = fetch;
        this.orderBy = orderBy;
    }

    /**
     * Adds a condition on one named parameter, unless the value is null or an empty collection (a filter not given).
     */
    public HqlSearch<E> where(String condition, String parameter, Object value) {
        if (value != null && !(value instanceof Collection<?> values && values.isEmpty())) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** The page {@code paging} names, its total counted as {@code count} says. */
    public Paging.Slice<E> page(EntityManager em, Paging paging, Count count, KbConfig.Lists limits) {
        List<E> rows = bind(em.createQuery("select " + alias() + " from " + from + " " + fetch + where() + " order by "
                + orderBy, type)).setFirstResult(paging.offset()).setMaxResults(paging.size() + 1).getResultList();
        return paging.counted(rows, count, limits, () -> countWithin(em, limits), bound -> countUpTo(em, bound));
    }

    /**
     * The matches counted no further than {@code bound} + 1, in one statement (written with the bound, as a subquery's
     * end must be on H2: ADR 0017). HQL takes a subquery's limit only with an order; by the id, the database stops at
     * the bound when it walks the primary key, and sorts no more than the matches of a narrower index otherwise. On H2
     * that sort can cost more than an exact count (docs/performance.md); {@code /claims} moved to a jOOQ statement
     * without an order (ClaimQueries), {@code /casualties} still counts this way.
     */
    private long countUpTo(EntityManager em, int bound) {
        return bind(em.createQuery("select count(*) from (select " + alias() + ".id as id from " + from + where()
                + " order by " + alias() + ".id limit " + (bound + 1) + ") bounded", Long.class)).getSingleResult();
    }

    /** Every match, counted for at most kb.lists.exact-count-timeout: past it a 503 saying how to ask instead. */
    private long countWithin(EntityManager em, KbConfig.Lists limits) {
        int seconds = (int) Math.max(1, limits.exactCountTimeout().toSeconds());
        try {
            return bind(em.createQuery("select count(*) from " + from + where(), Long.class))
                    .setHint("jakarta.persistence.query.timeout", seconds * 1000).getSingleResult();
        } catch (PersistenceException e) {
            if (!Database.cancelled(e)) {
                throw e;
            }
            throw ProblemException.countTimeout(seconds);
        }
    }

    private String alias() {
        return from.substring(from.lastIndexOf(' ') + 1);
    }

    private String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.QueryTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The statements a record list sends and what becomes of a count the database cancels: the record lists'
 * {@code count=exact} past kb.lists.exact-count-timeout answers 503 (the incident lists' path has
 * ExactCountTimeoutTest), any other failure stays what it is. The database is a recording stand-in, since no list in
 * a test database is large enough to outlast a timeout.
 */
class HqlSearchTest {

    private static final KbConfig.Lists LIMITS = new KbConfig.Lists() {
        @Override
        public int totalLimit() {
            return 3;
        }

        @Override
        public Duration exactCountTimeout() {
            return Duration.ofSeconds(2);
        }
    };

    /** What the stand-in database was asked, and what its counts do. */
    private static final class Recording {
        final List<String> statements = new ArrayList<>();
        final Map<String, Object> hints = new LinkedHashMap<>();
        final Map<String, Object> parameters = new LinkedHashMap<>();
        List<Object> rows = List.of();
        RuntimeException countFailure;
        long counted;

        EntityManager entityManager() {
            return (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { EntityManager.class }, (em, method, args) -> {
                        if (!method.getName().equals("createQuery")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        statements.add((String) args[0]);
                        return query(((String) args[0]).startsWith("select count"));
                    });
        }

        private TypedQuery<?> query(boolean count) {
            return (TypedQuery<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { TypedQuery.class }, (query, method, args) -> switch (method.getName()) {
                        case "setParameter" -> {
                            parameters.put((String) args[0], args[1]);
                            yield query;
                        }
                        case "setHint" -> {
                            hints.put((String) args[0], args[1]);
                            yield query;
                        }
                        case "setFirstResult", "setMaxResults" -> query;
                        case "getResultList" -> rows;
                        case "getSingleResult" -> {
                            if (count && countFailure != null) {
                                throw countFailure;
                            }
                            yield counted;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static HqlSearch<Object> search() {
        return new HqlSearch<>(Object.class, "Claim c", "", "c.id desc")
                .where("c.stance in :stances", "stances", List.of("DENIED"))
                .where("c.actor.id in :actors", "actors", List.of())
                .where("c.statedOn >= :from", "from", null);
    }

    @Test
    void shouldAnswer503WhenTheDatabaseCancelsAnExactCount() {
        Recording db = new Recording();
        db.countFailure = new PersistenceException("could not execute", new QueryTimeoutException("timed out",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"), "select count(*)"));

        assertThatThrownBy(() -> search().page(db.entityManager(), Paging.of(1, 20), Count.EXACT, LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(503);
                    assertThat(p.getMessage()).contains("longer than 2 s").contains("without count=exact");
                });
        assertThat(db.statements).containsExactly(
                "select c from Claim c  where c.stance in :stances order by c.id desc",
                "select count(*) from Claim c where c.stance in :stances");
        assertThat(db.hints).containsEntry("jakarta.persistence.query.timeout", 2000);
        assertThat(db.parameters).containsOnlyKeys("stances");
    }

    @Test
    void shouldLeaveOtherFailuresOfACountAlone() {
        Recording db = new Recording();
        db.countFailure = new PersistenceException(new SQLException("connection refused", "08001"));

        assertThatThrownBy(() -> search().page(db.entityManager(), Paging.of(1, 20), Count.EXACT, LIMITS))
                .isSameAs(db.countFailure);
    }

    @Test
    void shouldCountNoFurtherThanTheBoundAndSaySo() {
        Recording db = new Recording();
        db.rows = List.of("a", "b", "c");
        db.counted = 4;

        Paging.Slice<Object> slice = search().page(db.entityManager(), Paging.of(1, 2), Count.BOUNDED, LIMITS);

        assertThat(slice.items()).containsExactly("a", "b");
        assertThat(slice.more()).isTrue();
        assertThat(slice.total()).isEqualTo(3L);
        assertThat(slice.totalIsLowerBound()).isTrue();
        assertThat(db.statements.get(1)).isEqualTo("select count(*) from (select c.id as id from Claim c where "
                + "c.stance in :stances order by c.id limit 4) bounded");
        assertThat(db.hints).isEmpty();
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection to PostgreSQL plans statements for their values (CustomPlans), but for the rest of a
 * transaction that writes rows in bulk (BulkRows), whose foreign-key checks the server plans once.
 */
@QuarkusTest
class CustomPlansTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager em;

    @Test
    void shouldPlanForTheValuesOnEveryConnection() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("quarkus.datasource.db-kind")),
                "plan_cache_mode is PostgreSQL's");
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet mode = sql.executeQuery("show plan_cache_mode")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getString(1)).isEqualTo("force_custom_plan");
        }
    }

    @Test
    void shouldPlanOnceForTheRestOfATransactionThatWritesInBulk() {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("quarkus.datasource.db-kind")),
                "plan_cache_mode is PostgreSQL's");
        BulkRows.Table categories = new BulkRows.Table("event_category", "code", "label", "position");
        QuarkusTransaction.begin();
        try {
            assertThat(planCacheMode()).isEqualTo("force_custom_plan");
            new BulkRows().add(categories, "plans-test", "Plans test", 99).write(em, List.of(categories));
            assertThat(planCacheMode()).isEqualTo("auto");
        } finally {
            QuarkusTransaction.rollback();
        }
        QuarkusTransaction.begin();
        try {
            assertThat(planCacheMode()).isEqualTo("force_custom_plan");
            assertThat(em.createNativeQuery("select count(*) from event_category where code = 'plans-test'")
                    .getSingleResult()).isEqualTo(0L);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private String planCacheMode() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement sql = connection.createStatement(); ResultSet mode = sql.executeQuery("show plan_cache_mode")) {
                mode.next();
                return mode.getString(1);
            }
        });
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every pooled connection to PostgreSQL plans statements for their values (CustomPlans). */
@QuarkusTest
class CustomPlansTest {

    @Inject
    AgroalDataSource dataSource;

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
}

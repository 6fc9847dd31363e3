package org.incidentkb.common;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Turns off H2's reuse of query results ({@code SET OPTIMIZE_REUSE_RESULTS 0}) on every connection the pool opens to
 * an H2 database. H2 answers a statement it has run before, on tables unchanged since, with the result of that run
 * when the statement's parameters are the same; for a union whose parts each end at a bound parameter (a date
 * range's page: the incidents starting in it and those spanning its start) it did not see that a part's end had
 * moved, and page 3 of 20 of a year in Iraq came back with one incident or none out of 525 after pages 1 and 2.
 * An answer must come from the data as it is, so nothing is reused; what it saved was the second run of an identical
 * query. The setting is the database's, not saved in its file, so it is made again on each connection; on
 * PostgreSQL nothing is done.
 */
@ApplicationScoped
public class H2ResultReuse implements AgroalPoolInterceptor {

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement set = connection.createStatement()) {
                set.execute("SET OPTIMIZE_REUSE_RESULTS 0");
            }
        } catch (SQLException e) {
            // Refused (a user without admin rights): better no connection than pages from an earlier result.
            throw new IllegalStateException("H2's reuse of query results could not be turned off", e);
        }
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file that takes many small commits (as an import or a busy editor does) stays a few times its live size with
 * the housekeeping passes running between the commits, where without them it grows by every commit's pages.
 */
class H2HousekeepingTest {

    private static final int ROWS = 20_000;
    private static final int COMMITS = 400;

    @TempDir
    Path dir;

    @Test
    void shouldKeepTheFileNearItsLiveSizeUnderManyCommits() throws Exception {
        Churned without = churn("without", false);
        Churned with = churn("with", true);

        assertThat(with.bytes()).as("file with housekeeping (bytes), against %d without", without.bytes())
                .isLessThan(without.bytes() / 3);
        // The pages it moved hold the same rows: the same writes give the same table either way.
        assertThat(with.rows()).isEqualTo(ROWS);
        assertThat(with.digest()).isEqualTo(without.digest());
    }

    @Test
    void shouldTendOnlyAnH2FileThisProcessOpens() {
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:file:./data/incident-kb;WRITE_DELAY=0", false)).isTrue();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:./data/kb", false)).isTrue();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:mem:incident-kb;DB_CLOSE_DELAY=-1", false)).isFalse();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:tcp://localhost/~/kb", false)).isFalse();
        assertThat(H2Housekeeping.appliesTo("jdbc:postgresql://127.0.0.1:5432/kb", true)).isFalse();
    }

    private record Churned(long bytes, int rows, long digest) {
    }

    /** Writes the rows, then changes random ones in many small commits; the file's size and the table at the end. */
    private Churned churn(String name, boolean housekeeping) throws SQLException {
        JdbcDataSource dataSource = dataSource(name);
        H2Housekeeping passes = new H2Housekeeping(dataSource, true, 0);
        Random random = new Random(42);
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, k INT, v VARCHAR(200))");
                s.execute("CREATE INDEX t_k ON t (k)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                for (int id = 0; id < ROWS; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, random.nextInt());
                    insert.setString(3, "row " + id + " ".repeat(150));
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE t SET k = ? WHERE id = ?")) {
                for (int n = 0; n < COMMITS; n++) {
                    for (int i = 0; i < 50; i++) {
                        update.setInt(1, random.nextInt());
                        update.setInt(2, random.nextInt(ROWS));
                        update.addBatch();
                    }
                    update.executeBatch();
                    c.commit();
                    if (housekeeping) {
                        passes.pass();
                    }
                }
            }
            long bytes = Files.size(dir.resolve(name + ".mv.db"));
            try (Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*), SUM(CAST(id AS BIGINT) * 31 + k), SUM(LENGTH(v)) FROM t")) {
                rs.next();
                int rows = rs.getInt(1);
                long digest = rs.getLong(2) * 17 + rs.getLong(3);
                s.execute("SHUTDOWN");
                return new Churned(bytes, rows, digest);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JdbcDataSource dataSource(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }
}

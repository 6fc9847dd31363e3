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
        long without = churn("without", false);
        long with = churn("with", true);

        assertThat(with).as("file with housekeeping (bytes), against %d without", without).isLessThan(without / 3);
    }

    @Test
    void shouldTendOnlyAnH2FileThisProcessOpens() {
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:file:./data/incident-kb;WRITE_DELAY=0", false)).isTrue();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:./data/kb", false)).isTrue();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:mem:incident-kb;DB_CLOSE_DELAY=-1", false)).isFalse();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:tcp://localhost/~/kb", false)).isFalse();
        assertThat(H2Housekeeping.appliesTo("jdbc:postgresql://127.0.0.1:5432/kb", true)).isFalse();
    }

    /** Writes the rows, then changes random ones in many small commits; the file's size at the end. */
    private long churn(String name, boolean housekeeping) throws SQLException {
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
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(ROWS);
            }
            return Files.size(dir.resolve(name + ".mv.db"));
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

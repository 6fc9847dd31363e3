package org.incidentkb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database of its own for a test profile, beside the suite's: H2 in memory, or, when the suite runs on
 * PostgreSQL ({@code kbtest.jdbc-url}), a database made afresh on the same server.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** The URL of an empty database named after the suite's with this suffix. */
    public static String fresh(String suffix) {
        String main = System.getProperty("kbtest.jdbc-url", "");
        if (!main.startsWith("jdbc:postgresql:")) {
            return "jdbc:h2:mem:incident-kb-" + suffix + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        }
        String server = main.substring(0, main.lastIndexOf('/') + 1);
        String name = main.substring(main.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_" + suffix;
        try (Connection c = DriverManager.getConnection(main, System.getProperty("kbtest.jdbc-user", "postgres"), "")) {
            c.createStatement().execute("drop database if exists " + name);
            c.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the database " + name, e);
        }
        return server + name;
    }
}

package org.incidentkb.common;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;
import org.postgresql.PGConnection;

/**
 * Rows written table by table without Hibernate's unit of work, in the caller's transaction: on PostgreSQL each
 * table one {@code COPY ... FROM STDIN}, elsewhere one JDBC batch. Entities written this way get their ids from the
 * same generators Hibernate uses ({@link Ids}), so they never meet ids Hibernate hands out.
 */
public final class BulkRows {

    /** A table and the columns written, in the order of each row's values. */
    public record Table(String name, List<String> columns) {
        public Table(String name, String... columns) {
            this(name, List.of(columns));
        }
    }

    /** The rows by table, in the order the tables were first added to (parents before children). */
    private final Map<Table, List<Object[]>> byTable = new LinkedHashMap<>();

    public BulkRows add(Table table, Object... values) {
        if (values.length != table.columns().size()) {
            throw new IllegalStateException(table.name() + " takes " + table.columns().size() + " values");
        }
        byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        return this;
    }

    public boolean isEmpty() {
        return byTable.isEmpty();
    }

    /** Writes the rows, table by table in the order given, on the session's connection. */
    public void write(EntityManager em, List<Table> order) {
        if (byTable.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            Sink sink = connection.isWrapperFor(PGConnection.class) ? new CopySink(connection) : new BatchSink(connection);
            for (Table table : order) {
                List<Object[]> rows = byTable.getOrDefault(table, List.of());
                if (!rows.isEmpty()) {
                    sink.write(table, rows);
                }
            }
        });
    }

    /** Ids from each entity's own generator (the pooled sequences), so they never meet ids Hibernate hands out. */
    public static final class Ids {
        private final SharedSessionContractImplementor session;
        private final java.util.Map<Class<?>, EntityPersister> persisters = new java.util.HashMap<>();

        public Ids(EntityManager em) {
            this(em.unwrap(SharedSessionContractImplementor.class));
        }

        private Ids(SharedSessionContractImplementor session) {
            this.session = session;
        }

        public void assign(Object entity) {
            EntityPersister persister = persisters.computeIfAbsent(entity.getClass(),
                    type -> session.getFactory().getMappingMetamodel().getEntityDescriptor(type));
            Object id = ((BeforeExecutionGenerator) persister.getGenerator()).generate(session, entity, null,
                    EventType.INSERT);
            persister.setIdentifier(entity, id, session);
        }
    }

    private interface Sink {
        void write(Table table, List<Object[]> rows) throws SQLException;
    }

    /**
     * PostgreSQL: one COPY per table, rows as CSV (NULL an empty unquoted field; every text quoted). Every row copied
     * checks its foreign keys through statements the server prepares itself; the pool's connections plan each
     * statement for every run ({@link CustomPlans}, for reads), which made planning those checks most of the
     * database's time in an import (perf: 57 % of its backend). So for the rest of the writing transaction statements
     * are planned as the server chooses, once for all their runs.
     */
    private static final class CopySink implements Sink {
        private final org.postgresql.copy.CopyManager copy;

        CopySink(Connection connection) throws SQLException {
            copy = connection.unwrap(PGConnection.class).getCopyAPI();
            if (connection.getMetaData().getDatabaseMajorVersion() >= 12) { // the setting's first version
                try (java.sql.Statement sql = connection.createStatement()) {
                    sql.execute("set local plan_cache_mode = auto");
                }
            }
        }

        @Override
        public void write(Table table, List<Object[]> rows) throws SQLException {
            StringBuilder csv = new StringBuilder(rows.size() * 16 * table.columns().size());
            for (Object[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        csv.append(',');
                    }
                    append(csv, row[c]);
                }
                csv.append('\n');
            }
            try {
                copy.copyIn("copy " + table.name() + " (" + String.join(", ", table.columns())
                        + ") from stdin (format csv)", new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void append(StringBuilder csv, Object value) {
            if (value == null) {
                return;
            }
            if (value instanceof Number || value instanceof Instant || value instanceof LocalDate) {
                csv.append(value);
            } else if (value instanceof byte[] bytes) {
                csv.append("\\x").append(HexFormat.of().formatHex(bytes));
            } else if (value instanceof Enum<?> e) {
                csv.append(e.name());
            } else {
                csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
            }
        }
    }

    /** Any other database: one batched INSERT per table. */
    private static final class BatchSink implements Sink {
        private final Connection connection;

        BatchSink(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void write(Table table, List<Object[]> rows) throws SQLException {
            String sql = "insert into " + table.name() + " (" + String.join(", ", table.columns()) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?")) + ")";
            try (var insert = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int c = 0; c < row.length; c++) {
                        insert.setObject(c + 1, jdbcValue(row[c]));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private static Object jdbcValue(Object value) {
            if (value instanceof Instant i) {
                return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
            }
            return value instanceof Enum<?> e ? e.name() : value;
        }
    }
}

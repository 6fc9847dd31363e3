package org.incidentkb.incident.write;

import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.List;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;
import org.hibernate.persister.entity.EntityPersister;
import org.incidentkb.actor.Actor;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.NamedPerson;
import org.incidentkb.incident.model.Participant;
import org.incidentkb.incident.readmodel.IncidentDocuments;
import org.incidentkb.source.Source;
import org.postgresql.PGConnection;

/**
 * Writes new incidents (an import's batch) as table rows without Hibernate's unit of work: the incidents are mapped
 * and checked as entities, given ids from the same sequence generators Hibernate uses, and their rows (incident,
 * participants, sources, tags, external references, casualty records and names, claims, the stored document and the
 * creation revision) written table by table. On PostgreSQL each table is one {@code COPY ... FROM STDIN}; elsewhere
 * one JDBC batch. It runs in the caller's transaction, so a batch is written whole or not at all.
 */
@ApplicationScoped
public class IncidentBulkInsert {

    private static final Table INCIDENT = new Table("incident", "id", "version", "uid", "title", "summary", "category_code",
            "type_code", "start_date", "end_date", "date_precision", "country_code", "admin1", "admin2", "locality",
            "latitude", "longitude", "geo_precision", "killed_low", "killed_best", "killed_high", "injured_low",
            "injured_best", "injured_high", "claim_status", "created_at", "updated_at");
    private static final Table PARTICIPANT = new Table("incident_actor", "incident_id", "actor_id", "role", "confidence");
    private static final Table SOURCE = new Table("incident_source", "incident_id", "source_id");
    private static final Table TAG = new Table("incident_tag", "incident_id", "tag");
    private static final Table EXTERNAL_REF = new Table("incident_external_ref", "incident_id", "dataset", "external_id");
    private static final Table CASUALTY = new Table("casualty", "id", "version", "incident_id", "category",
            "affiliation_actor_id", "affiliation_text", "killed_low", "killed_best", "killed_high", "injured_low",
            "injured_best", "injured_high", "missing_low", "missing_best", "missing_high", "source_id", "created_at",
            "updated_at");
    private static final Table CASUALTY_NAME = new Table("casualty_name", "casualty_id", "position", "name",
            "description");
    private static final Table CLAIM = new Table("claim", "id", "version", "incident_id", "actor_id", "stance",
            "stated_by_actor_id", "stated_by_text", "stated_on", "channel", "quote", "credibility", "source_id",
            "created_at", "updated_at");
    private static final Table DOCUMENT = new Table("incident_document", "incident_id", "version", "body");
    private static final Table REVISION = new Table("incident_revision", "id", "incident_id", "revision", "changed_at",
            "author", "operation", "changed_fields");

    private final EntityManager em;
    private final IncidentDocuments documents;

    public IncidentBulkInsert(EntityManager em, IncidentDocuments documents) {
        this.em = em;
        this.documents = documents;
    }

    /** A table and the columns written, in the order of each row's values. */
    record Table(String name, List<String> columns) {
        Table(String name, String... columns) {
            this(name, List.of(columns));
        }
    }

    /**
     * Gives the incidents and their records ids and creation times, writes all their rows, and returns their views
     * (as stored), in the order given.
     *
     * @param revision the creation revision to record for each new incident, from its view
     */
    public List<IncidentView> insert(List<Incident> incidents, Function<IncidentView, IncidentRevision> revision) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        SharedSessionContractImplementor session = em.unwrap(SharedSessionContractImplementor.class);
        Ids ids = new Ids(session);
        Rows rows = new Rows();
        List<IncidentView> views = new ArrayList<>(incidents.size());
        for (Incident incident : incidents) {
            ids.assign(incident);
            incident.onCreate();
            for (Casualty c : incident.getCasualties()) {
                ids.assign(c);
                c.onCreate();
            }
            for (Claim c : incident.getClaims()) {
                ids.assign(c);
                c.onCreate();
            }
            rows.add(incident);
            IncidentView view = IncidentView.from(incident);
            views.add(view);
            rows.add(DOCUMENT, view.id(), view.version(), documents.of(view).gzippedJson());
            IncidentRevision r = revision.apply(view);
            ids.assign(r);
            rows.add(REVISION, r.getId(), r.getIncidentId(), r.getRevision(), r.getChangedAt(), r.getAuthor(),
                    r.getOperation(), String.join(",", r.getChangedFields()));
        }
        em.unwrap(Session.class).doWork(connection -> {
            Sink sink = connection.isWrapperFor(PGConnection.class) ? new CopySink(connection) : new BatchSink(connection);
            for (Table table : List.of(INCIDENT, PARTICIPANT, SOURCE, TAG, EXTERNAL_REF, CASUALTY, CASUALTY_NAME, CLAIM,
                    DOCUMENT, REVISION)) {
                List<Object[]> tableRows = rows.of(table);
                if (!tableRows.isEmpty()) {
                    sink.write(table, tableRows);
                }
            }
        });
        return views;
    }

    /** Ids from each entity's own generator (the pooled sequences), so they never meet ids Hibernate hands out. */
    private static final class Ids {
        private final SharedSessionContractImplementor session;
        private final java.util.Map<Class<?>, EntityPersister> persisters = new java.util.HashMap<>();

        Ids(SharedSessionContractImplementor session) {
            this.session = session;
        }

        void assign(Object entity) {
            EntityPersister persister = persisters.computeIfAbsent(entity.getClass(),
                    type -> session.getFactory().getMappingMetamodel().getEntityDescriptor(type));
            Object id = ((BeforeExecutionGenerator) persister.getGenerator()).generate(session, entity, null,
                    EventType.INSERT);
            persister.setIdentifier(entity, id, session);
        }
    }

    /** The rows of a batch, by table. */
    private static final class Rows {
        private final java.util.Map<Table, List<Object[]>> byTable = new java.util.HashMap<>();

        List<Object[]> of(Table table) {
            return byTable.getOrDefault(table, List.of());
        }

        void add(Table table, Object... values) {
            if (values.length != table.columns().size()) {
                throw new IllegalStateException(table.name() + " takes " + table.columns().size() + " values");
            }
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        }

        void add(Incident i) {
            Location l = i.getLocation() == null ? new Location(null, null, null, null, null, null, null) : i.getLocation();
            Figures killed = figures(i.getKilled());
            Figures injured = figures(i.getInjured());
            add(INCIDENT, i.getId(), i.getVersion(), i.getUid(), i.getTitle(), i.getSummary(), i.getCategory().getCode(),
                    i.getType() == null ? null : i.getType().getCode(), i.getStartDate(), i.getEndDate(),
                    i.getDatePrecision(), l.countryCode(), l.admin1(), l.admin2(), l.locality(), l.latitude(),
                    l.longitude(), l.geoPrecision(), killed.low(), killed.best(), killed.high(), injured.low(),
                    injured.best(), injured.high(), i.getClaimStatus(), i.getCreatedAt(), i.getUpdatedAt());
            for (Participant p : i.getParticipants()) {
                add(PARTICIPANT, i.getId(), p.getActor().getId(), p.getRole(), p.getConfidence());
            }
            for (Source s : i.getSources()) {
                add(SOURCE, i.getId(), s.getId());
            }
            for (String tag : i.getTags()) {
                add(TAG, i.getId(), tag);
            }
            for (ExternalRef ref : i.getExternalRefs()) {
                add(EXTERNAL_REF, i.getId(), ref.dataset(), ref.externalId());
            }
            for (Casualty c : i.getCasualties()) {
                Figures k = figures(c.getKilled());
                Figures inj = figures(c.getInjured());
                Figures m = figures(c.getMissing());
                add(CASUALTY, c.getId(), c.getVersion(), i.getId(), c.getCategory(), id(c.getAffiliationActor()),
                        c.getAffiliationText(), k.low(), k.best(), k.high(), inj.low(), inj.best(), inj.high(),
                        m.low(), m.best(), m.high(), id(c.getSource()), c.getCreatedAt(), c.getUpdatedAt());
                List<NamedPerson> names = c.getNames();
                for (int n = 0; n < names.size(); n++) {
                    add(CASUALTY_NAME, c.getId(), n, names.get(n).name(), names.get(n).description());
                }
            }
            for (Claim c : i.getClaims()) {
                add(CLAIM, c.getId(), c.getVersion(), i.getId(), c.getActor().getId(), c.getStance(),
                        id(c.getStatedByActor()), c.getStatedByText(), c.getStatedOn(), c.getChannel(), c.getQuote(),
                        c.getCredibility(), id(c.getSource()), c.getCreatedAt(), c.getUpdatedAt());
            }
        }

        private static Figures figures(Figures f) {
            return f == null ? new Figures(null, null, null) : f;
        }

        private static Long id(Actor a) {
            return a == null ? null : a.getId();
        }

        private static Long id(Source s) {
            return s == null ? null : s.getId();
        }
    }

    private interface Sink {
        void write(Table table, List<Object[]> rows) throws SQLException;
    }

    /** PostgreSQL: one COPY per table, rows as CSV (NULL an empty unquoted field; every text quoted). */
    private static final class CopySink implements Sink {
        private final org.postgresql.copy.CopyManager copy;

        CopySink(Connection connection) throws SQLException {
            copy = connection.unwrap(PGConnection.class).getCopyAPI();
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

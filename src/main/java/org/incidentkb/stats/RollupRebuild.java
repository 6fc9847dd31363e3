package org.incidentkb.stats;

import static org.incidentkb.incident.query.IncidentSchema.ID;
import static org.incidentkb.incident.query.IncidentSchema.INCIDENT_PLAIN;
import static org.incidentkb.incident.query.IncidentSchema.PARTICIPANT_INCIDENT;
import static org.incidentkb.incident.query.IncidentSchema.PLAIN_ID;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.SortedMap;
import java.util.TreeMap;
import org.incidentkb.common.Database;
import org.incidentkb.common.ProjectionRules;
import org.incidentkb.incident.write.EventRowsChange;
import org.incidentkb.stats.Contributions.Contribution;
import org.incidentkb.stats.Contributions.Counted;
import org.incidentkb.stats.Contributions.Key;
import org.jboss.logging.Logger;

/**
 * Rebuilds every roll-up row and correction from the incidents, with the rules of {@link Contributions}: at start,
 * when the rules' {@link #RULES version} is newer than the one the stored rows were computed by (V34's
 * {@code projection_rules}); so a change of those rules ships as a new version here, and no migration restates them.
 */
@ApplicationScoped
public class RollupRebuild {

    /** The version of {@link Contributions}' rules; raise it with any change to what they compute. */
    static final int RULES = 1;

    private static final Logger LOG = Logger.getLogger(RollupRebuild.class);
    private static final String NAME = "rollups";
    /** Incidents one range read brings. */
    private static final int RANGE = 10_000;
    /** Keys summed in memory before they are written (each write adds to the rows). */
    private static final int FLUSH_AT = 100_000;

    private final Database database;
    private final RollupWriter writer;
    private final EventRollup events;
    private final ProjectionRules rules;

    public RollupRebuild(Database database, RollupWriter writer, EventRollup events, ProjectionRules rules) {
        this.database = database;
        this.rules = rules;
        this.writer = writer;
        this.events = events;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            if (rules.outdated(NAME, RULES)) {
                LOG.infof("Statistics roll-ups computed by older rules than version %d: rebuilding them", RULES);
                rebuild();
            }
        });
    }

    /**
     * Deletes every roll-up row and correction and computes them again, in the caller's transaction, with the
     * incidents locked against writes (other instances' too) until it ends.
     */
    public void rebuild() {
        long started = System.nanoTime();
        database.lockAgainstWrites("incident");
        long incidents = database.read(sql -> {
            for (Grain grain : Grain.values()) {
                sql.deleteFrom(table(name(grain.table))).execute();
            }
            long[] ids = EventRollup.ids(sql.select(PLAIN_ID).from(INCIDENT_PLAIN).orderBy(PLAIN_ID));
            SortedMap<Key, Contribution> rows = new TreeMap<>();
            for (int start = 0; start < ids.length; start += RANGE) {
                long first = ids[start];
                long last = ids[Math.min(ids.length, start + RANGE) - 1];
                for (Counted incident : CountedRows.incidents(sql, ID.between(first, last),
                        CountedRows.perpetrators(PARTICIPANT_INCIDENT.between(first, last)))) {
                    Contributions.spread(rows, incident, k -> k.add(incident, 1));
                }
                if (rows.size() > FLUSH_AT) {
                    writer.add(Contributions.withoutZeros(rows), false);
                    rows = new TreeMap<>();
                }
            }
            writer.add(Contributions.withoutZeros(rows), false);
            return (long) ids.length;
        });
        events.on(EventRowsChange.clearing());
        events.on(EventRowsChange.refilled());
        rules.done(NAME, RULES);
        LOG.infof("Statistics roll-ups rebuilt from %d incidents in %d ms", incidents,
                (System.nanoTime() - started) / 1_000_000);
    }
}

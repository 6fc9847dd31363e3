package org.incidentkb.incident.write;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.incidentkb.actor.Actor;
import org.incidentkb.common.BulkRows.Table;
import org.incidentkb.common.BulkRows;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Casualty;
import org.incidentkb.incident.model.Claim;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.Location;
import org.incidentkb.incident.model.NamedPerson;
import org.incidentkb.incident.model.Participant;
import org.incidentkb.source.Source;

/**
 * Writes new incidents (an import's batch) as table rows without Hibernate's unit of work ({@link BulkRows}: COPY on
 * PostgreSQL): the incidents are mapped and checked as entities, given ids from the generators Hibernate uses, and
 * their rows (incident, participants, sources, tags, external references, casualty records and names, claims)
 * written table by table, in the caller's transaction, so a batch is written whole or not at all. Their documents
 * and creation revisions are written by the observers of the change ({@link IncidentChanges}).
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
    private static final List<Table> ORDER = List.of(INCIDENT, PARTICIPANT, SOURCE, TAG, EXTERNAL_REF, CASUALTY,
            CASUALTY_NAME, CLAIM);

    private final EntityManager em;

    public IncidentBulkInsert(EntityManager em) {
        this.em = em;
    }

    /** Gives the incidents and their records ids and creation times, writes their rows and returns their views. */
    public List<IncidentView> insert(List<Incident> incidents) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        BulkRows.Ids ids = new BulkRows.Ids(em);
        BulkRows rows = new BulkRows();
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
            add(rows, incident);
            views.add(IncidentView.from(incident));
        }
        rows.write(em, ORDER);
        return views;
    }

    private static void add(BulkRows rows, Incident i) {
        Location l = i.getLocation() == null ? new Location(null, null, null, null, null, null, null) : i.getLocation();
        Figures killed = figures(i.getKilled());
        Figures injured = figures(i.getInjured());
        rows.add(INCIDENT, i.getId(), i.getVersion(), i.getUid(), i.getTitle(), i.getSummary(), i.getCategory().getCode(),
                i.getType() == null ? null : i.getType().getCode(), i.getStartDate(), i.getEndDate(),
                i.getDatePrecision(), l.countryCode(), l.admin1(), l.admin2(), l.locality(), l.latitude(),
                l.longitude(), l.geoPrecision(), killed.low(), killed.best(), killed.high(), injured.low(),
                injured.best(), injured.high(), i.getClaimStatus(), i.getCreatedAt(), i.getUpdatedAt());
        for (Participant p : i.getParticipants()) {
            rows.add(PARTICIPANT, i.getId(), p.getActor().getId(), p.getRole(), p.getConfidence());
        }
        for (Source s : i.getSources()) {
            rows.add(SOURCE, i.getId(), s.getId());
        }
        for (String tag : i.getTags()) {
            rows.add(TAG, i.getId(), tag);
        }
        for (ExternalRef ref : i.getExternalRefs()) {
            rows.add(EXTERNAL_REF, i.getId(), ref.dataset(), ref.externalId());
        }
        for (Casualty c : i.getCasualties()) {
            Figures k = figures(c.getKilled());
            Figures inj = figures(c.getInjured());
            Figures m = figures(c.getMissing());
            rows.add(CASUALTY, c.getId(), c.getVersion(), i.getId(), c.getCategory(), id(c.getAffiliationActor()),
                    c.getAffiliationText(), k.low(), k.best(), k.high(), inj.low(), inj.best(), inj.high(),
                    m.low(), m.best(), m.high(), id(c.getSource()), c.getCreatedAt(), c.getUpdatedAt());
            List<NamedPerson> names = c.getNames();
            for (int n = 0; n < names.size(); n++) {
                rows.add(CASUALTY_NAME, c.getId(), n, names.get(n).name(), names.get(n).description());
            }
        }
        for (Claim c : i.getClaims()) {
            rows.add(CLAIM, c.getId(), c.getVersion(), i.getId(), c.getActor().getId(), c.getStance(),
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

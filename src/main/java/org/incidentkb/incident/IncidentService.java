package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.ETags;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.readmodel.DocumentRebuilder;
import org.incidentkb.incident.readmodel.IncidentDocuments;
import org.incidentkb.incident.write.IncidentChanges;
import org.incidentkb.incident.write.IncidentHistory;
import org.incidentkb.incident.write.IncidentMapper;
import org.incidentkb.source.Source;
import org.incidentkb.source.SourceApi;
import org.incidentkb.source.SourceRepository;

/**
 * Incidents as aggregates: each write is one transaction, made through {@link IncidentChanges}, which records it for
 * the audit trail, the stored documents and the statistics.
 */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final SourceRepository sources;
    private final IncidentMapper mapper;
    private final MergePatch mergePatch;
    private final IncidentHistory history;
    private final IncidentDocuments documents;
    private final IncidentChanges changes;

    public IncidentService(IncidentRepository incidents, SourceRepository sources, IncidentMapper mapper,
            MergePatch mergePatch, IncidentHistory history, IncidentDocuments documents, IncidentChanges changes) {
        this.documents = documents;
        this.incidents = incidents;
        this.history = history;
        this.sources = sources;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.changes = changes;
    }

    public Optional<IncidentView> get(long id) {
        return incidents.findByIdOptional(id).map(IncidentView::from);
    }

    /**
     * The incident's stored representation: one primary-key read. One not stored yet (dropped when an actor or source
     * it shows was renamed, until {@link DocumentRebuilder} stores it again) is built from the entities; a read never
     * writes.
     */
    public Optional<IncidentDocuments.Stored> document(long id) {
        Optional<IncidentDocuments.Stored> stored = documents.find(id);
        if (stored.isPresent()) {
            return stored;
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> incidents.findByIdOptional(id).map(i -> documents.of(IncidentView.from(i))));
    }

    @Transactional
    public IncidentView create(IncidentInput input) {
        ProblemException.requireNoVersion(input.version());
        Incident incident = new Incident();
        mapper.apply(incident, input);
        return changes.create(incident);
    }

    @Transactional
    public Optional<IncidentView> update(long id, IncidentInput input, Long ifMatch) {
        return ETags.forWrite(incidents.findByIdOptional(id), "Incident", id, ifMatch, input.version())
                .map(incident -> changes.change(incident, i -> mapper.apply(i, input, true)));
    }

    @Transactional
    public Optional<IncidentView> patch(long id, JsonNode patch, Long ifMatch) {
        return ETags.forWrite(incidents.findByIdOptional(id), "Incident", id, ifMatch, null)
                .flatMap(found -> update(id, mergePatch.apply(IncidentView.from(found), patch, IncidentInput.class), null));
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        Optional<Incident> found = ETags.forWrite(incidents.findByIdOptional(id), "Incident", id, ifMatch, null);
        found.ifPresent(changes::delete);
        return found.isPresent();
    }

    public Optional<List<Ref>> sources(long id) {
        return incidents.findByIdOptional(id).map(i -> i.getSources().stream()
                .sorted(Comparator.comparing(Source::getId)).map(SourceApi::ref).toList());
    }

    /** Cites a source for the incident; citing it again changes nothing. */
    @Transactional
    public Optional<IncidentView> attachSource(long id, long sourceId, Long ifMatch) {
        return changeSources(id, sourceId, ifMatch, true);
    }

    /** Stops citing a source; 404 when the incident does not cite it. */
    @Transactional
    public Optional<IncidentView> detachSource(long id, long sourceId, Long ifMatch) {
        return changeSources(id, sourceId, ifMatch, false);
    }

    private Optional<IncidentView> changeSources(long id, long sourceId, Long ifMatch, boolean attach) {
        return ETags.forWrite(incidents.findByIdOptional(id), "Incident", id, ifMatch, null).map(incident -> {
            Source source = sources.findByIdOptional(sourceId)
                    .orElseThrow(() -> ProblemException.notFound("Source", sourceId));
            if (!attach && !incident.getSources().contains(source)) {
                throw new ProblemException(404, "urn:incident-kb:problem:not-found", "Not found",
                        "Incident " + id + " does not cite source " + sourceId, null);
            }
            return changes.change(incident, i -> {
                if (attach) {
                    i.getSources().add(source);
                } else {
                    i.getSources().remove(source);
                }
            });
        });
    }

    public List<IncidentRevision> history(long id) {
        return history.of(id);
    }

    public boolean exists(long id) {
        return incidents.count("id", id) > 0;
    }
}

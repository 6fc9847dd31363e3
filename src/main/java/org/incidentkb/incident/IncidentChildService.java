package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.Audited;
import org.incidentkb.common.ETags;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.incident.write.IncidentChanges;

/**
 * The records an incident owns and that have a resource of their own (casualty records, claims): read, create,
 * replace, merge-patch and delete one, each change in one transaction that re-derives the incident's summary and
 * status, moves its version and records the change in its history. Subclasses say only how to find, make, fill
 * and show their kind of record.
 *
 * @param <E> the entity
 * @param <I> its input record
 * @param <V> its output record
 */
public abstract class IncidentChildService<E extends Audited, I, V> {

    private final IncidentRepository incidents;
    private final MergePatch mergePatch;
    private final IncidentChanges changes;
    private final String label;
    private final Class<I> inputType;

    /** For the client proxy that CDI makes of a subclass; never used to serve a call. */
    protected IncidentChildService() {
        this(null, null, null, null, null);
    }

    protected IncidentChildService(IncidentRepository incidents, MergePatch mergePatch, IncidentChanges changes,
            String label, Class<I> inputType) {
        this.incidents = incidents;
        this.mergePatch = mergePatch;
        this.changes = changes;
        this.label = label;
        this.inputType = inputType;
    }

    /** The incident's records of this kind (the live collection). */
    protected abstract List<E> of(Incident incident);

    protected abstract Optional<E> find(long incidentId, long id);

    protected abstract E newIn(Incident incident);

    /** Writes the input onto the record, checking it as the incident's own write would. */
    protected abstract void apply(E record, I input);

    protected abstract V view(E record);

    /** The version the input says it is based on, if any. */
    protected abstract Long versionIn(I input);

    public List<V> list(long incidentId) {
        return of(incident(incidentId)).stream().map(this::view).toList();
    }

    public Optional<V> get(long incidentId, long id) {
        incident(incidentId);
        return find(incidentId, id).map(this::view);
    }

    @Transactional
    public V create(long incidentId, I input) {
        Incident incident = incident(incidentId);
        E record = newIn(incident);
        change(incident, i -> {
            apply(record, input);
            of(i).add(record);
        });
        return view(record);
    }

    @Transactional
    public Optional<V> update(long incidentId, long id, I input, Long ifMatch) {
        Incident incident = incident(incidentId);
        Optional<E> found = ETags.forWrite(find(incidentId, id), label, id, ifMatch, versionIn(input));
        found.ifPresent(record -> change(incident, i -> apply(record, input)));
        return found.map(this::view);
    }

    @Transactional
    public Optional<V> patch(long incidentId, long id, JsonNode patch, Long ifMatch) {
        incident(incidentId);
        return ETags.forWrite(find(incidentId, id), label, id, ifMatch, null)
                .flatMap(found -> update(incidentId, id, mergePatch.apply(view(found), patch, inputType), null));
    }

    @Transactional
    public boolean delete(long incidentId, long id, Long ifMatch) {
        Incident incident = incident(incidentId);
        Optional<E> found = ETags.forWrite(find(incidentId, id), label, id, ifMatch, null);
        found.ifPresent(record -> change(incident, i -> of(i).remove(record)));
        return found.isPresent();
    }

    /** Changes the incident's records and re-derives its summary and status, as one recorded change. */
    private void change(Incident incident, java.util.function.Consumer<Incident> change) {
        changes.change(incident, i -> {
            change.accept(i);
            i.derive();
        });
    }

    private Incident incident(long id) {
        return incidents.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
    }
}

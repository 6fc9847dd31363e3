package org.incidentkb.imports;

import java.util.List;
import org.incidentkb.actor.ActorKind;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.source.SourceApi.SourceInput;

/**
 * One row of a file mapped onto the model, before its references are resolved: actors are named
 * ({@code {"name": ...}}) and may not exist yet; {@code sources} describe the reports to cite, found or created
 * by the import; the incident's own {@code sources} may also name existing ones. An NDJSON line of this API carries
 * the incident's {@code uid}, by which a second import finds the incident the first one wrote.
 */
record Draft(long line, IncidentInput incident, List<ActorHint> actors, List<SourceInput> sources, String uid) {

    /** A dataset's row: no uid (it is matched by its external references). */
    Draft(long line, IncidentInput incident, List<ActorHint> actors, List<SourceInput> sources) {
        this(line, incident, actors, sources, null);
    }

    /** How to create an actor the knowledge base does not know yet. */
    record ActorHint(String name, ActorKind kind, String countryCode) {
    }
}

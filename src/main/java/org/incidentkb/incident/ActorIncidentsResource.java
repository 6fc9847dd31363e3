package org.incidentkb.incident;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;

/** The incidents an actor took part in: the incident list narrowed to one actor. */
public class ActorIncidentsResource implements ActorIncidentsOperations {

    private final IncidentSearchService search;
    private final IncidentLists lists;
    private final ActorService actors;

    public ActorIncidentsResource(IncidentSearchService search, IncidentLists lists, ActorService actors) {
        this.search = search;
        this.lists = lists;
        this.actors = actors;
    }

    @Override
    public Response list(long id, List<String> role, IncidentQuery query, ListParams list, UriInfo uri, HttpHeaders headers) {
        if (actors.get(id).isEmpty()) {
            throw ProblemException.notFound("Actor", id);
        }
        IncidentFilter filter = search.filter(query).withInvolvement(id, Params.enums("role", role, Role.class));
        return lists.respond(filter, list, uri, headers);
    }
}

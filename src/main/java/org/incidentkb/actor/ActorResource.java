package org.incidentkb.actor;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Objects;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.actor.ActorApi.ActorView;
import org.incidentkb.common.ETags;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;

/** Serves {@link ActorOperations}. */
public class ActorResource implements ActorOperations {

    private final ActorService service;
    private final ActorDuplicates duplicates;
    private final EntityTags tags;

    public ActorResource(ActorService service, ActorDuplicates duplicates, EntityTags tags) {
        this.service = service;
        this.duplicates = duplicates;
        this.tags = tags;
    }

    @Override
    public ActorApi.Duplicates duplicates(String minScore, String limit) {
        double min = Objects.requireNonNullElse(Params.decimal("minScore", minScore, 0, 1), 0.6);
        int most = Objects.requireNonNullElse(Params.integer("limit", limit, 1, 1000), 100);
        return new ActorApi.Duplicates(duplicates.find(min, most));
    }

    @Override
    public Response list(String q, PageParams pages, UriInfo uri) {
        Paging paging = pages.paging();
        return Paging.ok(paging.result(service.search(q, paging), uri));
    }

    @Override
    public Response get(long id) {
        ActorView actor = service.get(id).orElseThrow(() -> ProblemException.notFound("Actor", id));
        return tags.ok(actor.version(), actor);
    }

    @Override
    public Response create(ActorInput input, UriInfo uri) {
        ActorView created = service.create(input);
        return tags.created(uri, created.id(), created.version(), created);
    }

    @Override
    public Response replace(long id, String ifMatch, ActorInput input) {
        ActorView updated = service.update(id, input, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Actor", id));
        return tags.ok(updated.version(), updated);
    }

    @Override
    public Response patch(long id, String ifMatch, JsonNode patch) {
        ActorView updated = service.patch(id, patch, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Actor", id));
        return tags.ok(updated.version(), updated);
    }

    @Override
    public Response delete(long id, String ifMatch) {
        if (!service.delete(id, ETags.expectedVersion(ifMatch))) {
            throw ProblemException.notFound("Actor", id);
        }
        return Response.noContent().build();
    }

}

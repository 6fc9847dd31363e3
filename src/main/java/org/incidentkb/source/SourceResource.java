package org.incidentkb.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.incidentkb.common.ETags;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.common.ProblemException;
import org.incidentkb.source.SourceApi.SourceInput;
import org.incidentkb.source.SourceApi.SourceView;

/** Serves {@link SourceOperations}. */
public class SourceResource implements SourceOperations {

    private final SourceService service;
    private final EntityTags tags;

    public SourceResource(SourceService service, EntityTags tags) {
        this.service = service;
        this.tags = tags;
    }

    @Override
    public Response list(String publisher, PageParams pages, UriInfo uri) {
        Paging paging = pages.paging();
        return Paging.ok(paging.result(service.search(publisher, paging), uri));
    }

    @Override
    public Response get(long id) {
        SourceView source = service.get(id).orElseThrow(() -> ProblemException.notFound("Source", id));
        return tags.ok(source.version(), source);
    }

    @Override
    public Response create(SourceInput input, UriInfo uri) {
        SourceView created = service.create(input);
        return tags.created(uri, created.id(), created.version(), created);
    }

    @Override
    public Response replace(long id, String ifMatch, SourceInput input) {
        SourceView updated = service.update(id, input, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Source", id));
        return tags.ok(updated.version(), updated);
    }

    @Override
    public Response patch(long id, String ifMatch, JsonNode patch) {
        SourceView updated = service.patch(id, patch, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Source", id));
        return tags.ok(updated.version(), updated);
    }

    @Override
    public Response delete(long id, String ifMatch) {
        if (!service.delete(id, ETags.expectedVersion(ifMatch))) {
            throw ProblemException.notFound("Source", id);
        }
        return Response.noContent().build();
    }

}

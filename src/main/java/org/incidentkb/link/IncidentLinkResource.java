package org.incidentkb.link;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.ProblemException;
import org.incidentkb.link.LinkApi.LinkInput;
import org.incidentkb.link.LinkApi.LinkView;

/** Serves {@link IncidentLinkOperations}. */
public class IncidentLinkResource implements IncidentLinkOperations {

    private final LinkService links;
    private final EntityTags tags;
    private final SecurityIdentity identity;

    public IncidentLinkResource(LinkService links, EntityTags tags, SecurityIdentity identity) {
        this.links = links;
        this.tags = tags;
        this.identity = identity;
    }

    @Override
    public List<LinkView> list(long id) {
        return links.ofIncident(id, !identity.isAnonymous()).orElseThrow(() -> ProblemException.notFound("Incident", id));
    }

    @Override
    public Response create(long id, LinkInput input, UriInfo uri) {
        LinkView created = links.create(id, input);
        return Response.created(uri.getBaseUriBuilder().path("links").path(Long.toString(created.id())).build())
                .tag(tags.of(created.version(), created)).entity(created).build();
    }
}

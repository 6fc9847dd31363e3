package org.incidentkb.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.incidentkb.common.Countries;
import org.incidentkb.common.Datasets;
import org.incidentkb.common.ETags;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.PageParams;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Params;
import org.incidentkb.common.ProblemException;
import org.incidentkb.link.LinkApi.LinkView;
import org.incidentkb.link.LinkService.LinkFilter;

/** Serves {@link LinkOperations}. */
public class LinkResource implements LinkOperations {

    private final LinkService links;
    private final EntityTags tags;
    private final SecurityIdentity identity;

    public LinkResource(LinkService links, EntityTags tags, SecurityIdentity identity) {
        this.links = links;
        this.tags = tags;
        this.identity = identity;
    }

    @Override
    public Response list(List<String> status, List<String> relation, List<String> dataset, String minScore,
            List<String> country, String after, String sort, PageParams pages, UriInfo uri) {
        LinkFilter filter = new LinkFilter(Params.enums("status", status, Link.Status.class),
                Params.enums("relation", relation, Link.Relation.class),
                Datasets.parse("dataset", dataset),
                Params.decimal("minScore", minScore, 0, 1),
                Params.mapEach(Params.values(country), c -> Countries.resolve(c).orElseThrow(() -> ProblemException
                        .invalid("country", "'" + c + "' is not an ISO 3166-1 alpha-3 code or a country name"))));
        boolean byUncertainty = sort != null && Params.enumValue("sort", sort, LinkService.Order.class)
                == LinkService.Order.UNCERTAINTY;
        if (byUncertainty && after != null) {
            throw ProblemException.invalid("after", "the queue by uncertainty is paged by number (page), not by cursor");
        }
        Paging paging = pages.paging(after);
        return Paging.ok(paging.result(links.search(filter, paging, !identity.isAnonymous(), byUncertainty), uri));
    }

    @Override
    public Response get(long id) {
        LinkView link = links.get(id, !identity.isAnonymous()).orElseThrow(() -> ProblemException.notFound("Link", id));
        return tags.ok(link.version(), link);
    }

    @Override
    public Response patch(long id, String ifMatch, JsonNode patch) {
        LinkView link = links.patch(id, patch, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Link", id));
        return tags.ok(link.version(), link);
    }

    @Override
    public Response delete(long id, String ifMatch) {
        if (!links.delete(id, ETags.expectedVersion(ifMatch))) {
            throw ProblemException.notFound("Link", id);
        }
        return Response.noContent().build();
    }
}

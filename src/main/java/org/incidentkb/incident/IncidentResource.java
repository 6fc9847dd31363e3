package org.incidentkb.incident;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.incidentkb.common.AcceptEncoding;
import org.incidentkb.common.ETags;
import org.incidentkb.common.EntityTags;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.common.Roles;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.api.IncidentApi;
import org.incidentkb.incident.model.Incident;
import org.incidentkb.incident.model.IncidentRevision;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;
import org.incidentkb.incident.readmodel.IncidentDocuments;

/** Serves {@link IncidentOperations}. */
public class IncidentResource implements IncidentOperations {

    private final IncidentService service;
    private final EntityTags tags;
    private final IncidentSearchService search;
    private final IncidentLists lists;
    private final SecurityIdentity identity;
    private final Instance<LinkHistory> linkHistory;

    public IncidentResource(IncidentService service, EntityTags tags, IncidentSearchService search, IncidentLists lists,
            SecurityIdentity identity, Instance<LinkHistory> linkHistory) {
        this.linkHistory = linkHistory;
        this.identity = identity;
        this.service = service;
        this.tags = tags;
        this.search = search;
        this.lists = lists;
    }

    @Override
    public Response list(IncidentQuery query, ListParams list, UriInfo uri, HttpHeaders headers) {
        return lists.respond(search.filter(query), list, uri, headers);
    }

    @Override
    public Response get(long id, String ifNoneMatch, HttpHeaders headers) {
        IncidentDocuments.Stored incident = service.document(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
        byte[] json = incident.json();
        jakarta.ws.rs.core.EntityTag tag = ETags.of(incident.version(), json);
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(ETags.REVALIDATE).build();
        }
        if (AcceptEncoding.accepts(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING), "gzip")) {
            // The stored document is gzip already: sent as it is, not compressed again.
            return Response.ok(incident.gzippedJson(), MediaType.APPLICATION_JSON).tag(tag)
                    .header(HttpHeaders.CONTENT_ENCODING, "gzip").cacheControl(ETags.REVALIDATE).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).tag(tag)
                .cacheControl(ETags.REVALIDATE).build();
    }

    @Override
    public Response create(IncidentInput input, UriInfo uri) {
        IncidentView created = service.create(input);
        return tags.created(uri, created.id(), created.version(), created);
    }

    @Override
    public Response replace(long id, String ifMatch, IncidentInput input) {
        IncidentView updated = service.update(id, input, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Incident", id));
        return tags.ok(updated.version(), updated);
    }

    @Override
    public Response patch(long id, String ifMatch, JsonNode patch) {
        IncidentView updated = service.patch(id, patch, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Incident", id));
        return tags.ok(updated.version(), updated);
    }

    @Override
    public Response delete(long id, String ifMatch) {
        if (!service.delete(id, ETags.expectedVersion(ifMatch))) {
            throw ProblemException.notFound("Incident", id);
        }
        return Response.noContent().build();
    }

    @Override
    public IncidentApi.History history(long id) {
        List<IncidentRevision> entries = service.history(id);
        boolean deleted = !service.exists(id);
        if (entries.isEmpty() && deleted || deleted && !identity.hasRole(Roles.ADMIN)) {
            throw ProblemException.notFound("Incident", id);
        }
        boolean withAuthors = !identity.isAnonymous();
        List<IncidentApi.Revision> own = entries.stream().map(e -> IncidentApi.Revision.from(e, withAuthors)).toList();
        return new IncidentApi.History(linkHistory.isResolvable()
                ? LinkHistory.merge(own, linkHistory.get().of(id), withAuthors) : own);
    }

    @Override
    public List<Ref> sources(long id) {
        return service.sources(id).orElseThrow(() -> ProblemException.notFound("Incident", id));
    }

    @Override
    public Response attachSource(long id, long sourceId, String ifMatch) {
        IncidentView incident = service.attachSource(id, sourceId, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Incident", id));
        return Response.noContent().tag(tags.of(incident.version(), incident)).build();
    }

    @Override
    public Response detachSource(long id, long sourceId, String ifMatch) {
        IncidentView incident = service.detachSource(id, sourceId, ETags.expectedVersion(ifMatch))
                .orElseThrow(() -> ProblemException.notFound("Incident", id));
        return Response.noContent().tag(tags.of(incident.version(), incident)).build();
    }
}

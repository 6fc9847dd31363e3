package org.incidentkb.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The ETag of a representation a resource is about to answer with: its version and a digest of the JSON the
 * service writes for it (the same object mapper writes the body, so the tag names those very bytes).
 */
@ApplicationScoped
public class EntityTags {

    private final ObjectMapper json;

    public EntityTags(ObjectMapper json) {
        this.json = json;
    }

    public EntityTag of(long version, Object representation) {
        try {
            return ETags.of(version, json.writeValueAsBytes(representation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A representation could not be written as JSON", e);
        }
    }

    /** 200 with the representation and its ETag. */
    public Response ok(long version, Object representation) {
        return Response.ok(representation).tag(of(version, representation)).build();
    }

    /** 201 with the new record, its ETag and its Location (the request's URL and the id). */
    public Response created(UriInfo uri, Object id, long version, Object representation) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(of(version, representation)).entity(representation).build();
    }
}

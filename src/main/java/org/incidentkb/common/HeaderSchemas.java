package org.incidentkb.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Gives every documented response header a schema (OpenAPI requires one; the annotations only describe them):
 * integers for counts and seconds, strings for the rest.
 */
@OpenApiFilter
public class HeaderSchemas implements OASFilter {

    @Override
    public Header filterHeader(Header header) {
        if (header.getSchema() == null && header.getContent() == null) {
            String description = header.getDescription() == null ? "" : header.getDescription().toLowerCase();
            boolean number = description.contains("seconds") || description.contains("left out");
            header.setSchema(OASFactory.createSchema().addType(number ? Schema.SchemaType.INTEGER
                    : Schema.SchemaType.STRING));
        }
        return header;
    }
}

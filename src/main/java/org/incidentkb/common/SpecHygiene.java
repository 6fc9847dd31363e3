package org.incidentkb.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes the document valid where the annotations cannot say it: every response header gets a schema (integers for
 * counts and seconds, strings for the rest), a repeatable query parameter's example becomes a list, as its array
 * schema requires, and an optional property of a component may be null, as the API writes it (JSON null for
 * "not known", e.g. a figure's high bound).
 */
@OpenApiFilter
public class SpecHygiene implements OASFilter {

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema component : openAPI.getComponents().getSchemas().values()) {
            if (component.getProperties() == null) {
                continue;
            }
            java.util.List<String> required = component.getRequired() == null ? java.util.List.of() : component.getRequired();
            java.util.Map<String, Schema> properties = new java.util.LinkedHashMap<>();
            component.getProperties().forEach((name, property) -> properties.put(name,
                    required.contains(name) ? property : nullable(property)));
            component.setProperties(properties);
        }
        // A code reference and a figure may be written in short: "air-drone-strike", 4.
        shorthand(openAPI, "CodeRef", Schema.SchemaType.STRING);
        shorthand(openAPI, "Figure", Schema.SchemaType.INTEGER);
    }

    private static void shorthand(org.eclipse.microprofile.openapi.models.OpenAPI openAPI, String name,
            Schema.SchemaType scalar) {
        Schema full = openAPI.getComponents().getSchemas().get(name);
        if (full == null || full.getAnyOf() != null) {
            return;
        }
        String description = full.getDescription();
        Object example = full.getExample();
        full.setDescription(null);
        full.setExample(null);
        openAPI.getComponents().addSchema(name, OASFactory.createSchema().description(description).example(example)
                .anyOf(java.util.List.of(full, OASFactory.createSchema().addType(scalar))));
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().anyOf(java.util.List.of(OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL)))
                    .description(property.getDescription()).example(property.getExample());
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        Object example = parameter.getExample();
        if (schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)
                && example != null && !(example instanceof java.util.List<?>)) {
            parameter.setExample(java.util.List.of(example));
        }
        return parameter;
    }

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

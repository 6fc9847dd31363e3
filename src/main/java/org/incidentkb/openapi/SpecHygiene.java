package org.incidentkb.openapi;

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
 * "not known", e.g. a figure's high bound). Representations the API writes whole (nulls included) list every
 * property as required, so that generated clients type them as always there and tell an incident from a tombstone;
 * an array whose items are one of several schemas says so on its items; a statistics row's group keys are typed
 * properties; an input's short forms are kept out of what the API writes ({@link InputShapes}).
 */
@OpenApiFilter
public class SpecHygiene implements OASFilter {

    @Override
    public void filterOpenAPI(org.eclipse.microprofile.openapi.models.OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        ALWAYS_WRITTEN.forEach((name, properties) -> {
            Schema component = openAPI.getComponents().getSchemas().get(name);
            if (component != null) {
                component.setRequired(properties);
            }
        });
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
        // A code reference and a figure may be written in short on input ("air-drone-strike", 4); what the API
        // writes is always the object.
        InputShapes.split(openAPI, java.util.Map.of(
                "CodeRef", new InputShapes.ShortForm(Schema.SchemaType.STRING, "A code reference as {code} (a label "
                        + "sent is ignored) or as the bare code: \"air-drone-strike\""),
                "Figure", new InputShapes.ShortForm(Schema.SchemaType.INTEGER, "A count of people as {low, best, high}, "
                        + "or as one number meaning low = best = high: 4")));
        for (Schema component : openAPI.getComponents().getSchemas().values()) {
            if (component.getProperties() != null) {
                component.getProperties().values().forEach(SpecHygiene::oneOfOnItems);
            }
        }
        Schema row = openAPI.getComponents().getSchemas().get("IncidentStatsRow");
        if (row != null) {
            typedGroupKeys(row);
        }
    }

    /**
     * Properties the API always writes with a value, by schema: generated clients then type them as present, and an
     * incident (title, dates...) and a tombstone (deleted) in the change feed cannot be mistaken for each other.
     */
    private static final java.util.Map<String, java.util.List<String>> ALWAYS_WRITTEN = java.util.Map.of(
            "Incident", java.util.List.of("id", "version", "title", "category", "startDate", "datePrecision",
                    "claimStatus"),
            "Tombstone", java.util.List.of("id", "deleted", "deletedAt"),
            "IncidentPage", java.util.List.of("items", "size"),
            "IncidentStats", java.util.List.of("groupBy", "rows"),
            "IncidentStatsRow", java.util.List.of("incidents", "killedUnknown", "injuredUnknown"),
            "Totals", java.util.List.of("low", "best"));

    /**
     * A statistics row's group keys as optional properties, one per dimension with its own type, so that generated
     * clients read {@code row.year} as a number and {@code row.country.code} without casting; a row has those its
     * request grouped by. StatsResourceTest holds this list to the dimensions the API groups by.
     */
    private static void typedGroupKeys(Schema row) {
        java.util.Map<String, Schema> keys = new java.util.LinkedHashMap<>();
        keys.put("year", key(Schema.SchemaType.INTEGER, null, "The year, e.g. 2024"));
        keys.put("month", key(Schema.SchemaType.STRING, null, "The month, e.g. \"2024-01\""));
        keys.put("country", key(null, "CountryKey", "The country, {code, name}"));
        keys.put("admin1", key(Schema.SchemaType.STRING, null, "The first-level administrative division, e.g. \"Nineveh\""));
        keys.put("category", key(Schema.SchemaType.STRING, null, "The event category's code, e.g. \"explosions-remote-violence\""));
        keys.put("type", key(Schema.SchemaType.STRING, null, "The event type's code, e.g. \"air-drone-strike\""));
        keys.put("perpetrator", key(null, "ActorKey", "The perpetrator, {id, name}"));
        keys.put("claimStatus", key(null, "ClaimStatus", "The claim status"));
        java.util.Map<String, Schema> properties = new java.util.LinkedHashMap<>(keys);
        properties.putAll(row.getProperties());
        row.setProperties(properties);
        row.setAdditionalPropertiesSchema(null);
        row.setDescription("A group's figures, with one key per dimension the request grouped by (a row has only "
                + "those; null for incidents without that value)");
    }

    private static Schema key(Schema.SchemaType type, String ref, String description) {
        Schema present = ref != null ? OASFactory.createSchema().ref("#/components/schemas/" + ref)
                : OASFactory.createSchema().addType(type);
        return OASFactory.createSchema().description(description + "; present when grouped by it, null for "
                + "incidents without it").anyOf(java.util.List.of(present, OASFactory.createSchema()
                        .addType(Schema.SchemaType.NULL)));
    }

    /** An array property whose oneOf the annotation put beside its items: the items are one of them. */
    private static void oneOfOnItems(Schema property) {
        if (property.getOneOf() != null && property.getType() != null
                && property.getType().contains(Schema.SchemaType.ARRAY)) {
            property.setItems(OASFactory.createSchema().oneOf(property.getOneOf()));
            property.setOneOf(null);
        }
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

    /**
     * Responses in order of status, successes first: generators list an operation's media types in the order of its
     * responses and ask for the first JSON one, which must be the success's, not application/problem+json.
     */
    @Override
    public org.eclipse.microprofile.openapi.models.Operation filterOperation(
            org.eclipse.microprofile.openapi.models.Operation operation) {
        var responses = operation.getResponses();
        if (responses != null && responses.getAPIResponses() != null) {
            var sorted = new java.util.TreeMap<>(responses.getAPIResponses());
            sorted.keySet().forEach(responses::removeAPIResponse);
            sorted.forEach(responses::addAPIResponse);
        }
        return operation;
    }

    /** An NDJSON example is text, one JSON document per line, as its string schema says. */
    @Override
    public org.eclipse.microprofile.openapi.models.parameters.RequestBody filterRequestBody(
            org.eclipse.microprofile.openapi.models.parameters.RequestBody body) {
        if (body.getContent() != null && body.getContent().getMediaType("application/x-ndjson") != null) {
            var ndjson = body.getContent().getMediaType("application/x-ndjson");
            if (ndjson.getExamples() != null) {
                ndjson.getExamples().values().forEach(example -> {
                    if (example.getValue() != null && !(example.getValue() instanceof String)) {
                        example.setValue(NDJSON_LINE.apply(example.getValue()));
                    }
                });
            }
        }
        return body;
    }

    private static final java.util.function.Function<Object, String> NDJSON_LINE = value -> {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    };

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

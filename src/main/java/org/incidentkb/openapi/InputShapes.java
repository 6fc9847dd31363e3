package org.incidentkb.openapi;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Separate input and output shapes where they differ. A schema with a short form on input (a code reference written
 * as its code, a figure as one number) stays the plain object the API writes, and gets a twin named
 * {@code <name>Input}: one of the object or the short form (disjoint: an object, or a string or number). Every schema only requests use (IncidentInput,
 * CasualtyInput...) refers to the twin, so a generated client reads {@code incident.killed.best} without unwrapping
 * a union and still sends {@code "type": "air-drone-strike"}. A schema used by requests and responses alike that
 * reaches a short form would need a twin of its own; the build fails then, rather than leak the union into a
 * response.
 */
final class InputShapes {

    private static final String PREFIX = "#/components/schemas/";

    private InputShapes() {
    }

    /** How a schema may be written in short: a scalar of this type, as the note says. */
    record ShortForm(Schema.SchemaType scalar, String note) {
    }

    static void split(OpenAPI openAPI, Map<String, ShortForm> shortForms) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> requested = new HashSet<>();
        Set<String> answered = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            refsOf(op, requested, answered);
        }));
        Set<String> inputs = closure(requested, schemas);
        Set<String> outputs = closure(answered, schemas);
        for (String name : inputs) {
            if (shortForms.containsKey(name) || !reaches(name, shortForms.keySet(), schemas)) {
                continue;
            }
            if (outputs.contains(name)) {
                throw new IllegalStateException("Schema " + name + " is read and written and holds a short form; "
                        + "give it an input twin");
            }
            rewrite(schemas.get(name), shortForms.keySet());
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                schemasOf(op.getRequestBody().getContent()).forEach(s -> rewrite(s, shortForms.keySet()));
            }
        }));
        shortForms.forEach((name, shortForm) -> {
            if (schemas.containsKey(name)) {
                openAPI.getComponents().addSchema(name + "Input", OASFactory.createSchema().description(shortForm.note())
                        .oneOf(List.of(OASFactory.createSchema().ref(PREFIX + name),
                                OASFactory.createSchema().addType(shortForm.scalar()))));
            }
        });
    }

    private static void refsOf(Operation op, Set<String> requested, Set<String> answered) {
        if (op.getRequestBody() != null) {
            schemasOf(op.getRequestBody().getContent()).forEach(s -> collect(s, requested));
        }
        if (op.getParameters() != null) {
            op.getParameters().forEach(p -> collect(p.getSchema(), requested));
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> schemasOf(r.getContent()).forEach(s -> collect(s, answered)));
        }
    }

    private static List<Schema> schemasOf(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(m -> m.getSchema()).filter(s -> s != null).toList();
    }

    private static Set<String> closure(Set<String> roots, Map<String, Schema> schemas) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name) && schemas.containsKey(name)) {
                Set<String> next = new HashSet<>();
                collect(schemas.get(name), next);
                todo.addAll(next);
            }
        }
        return seen;
    }

    private static boolean reaches(String name, Set<String> targets, Map<String, Schema> schemas) {
        Set<String> reached = closure(Set.of(name), schemas);
        reached.remove(name);
        return reached.stream().anyMatch(targets::contains);
    }

    /** Every schema name a schema refers to, however deep. */
    private static void collect(Schema schema, Set<String> names) {
        visit(schema, s -> {
            if (s.getRef() != null && s.getRef().startsWith(PREFIX)) {
                names.add(s.getRef().substring(PREFIX.length()));
            }
        });
    }

    /** Points the references to a short form at its input twin, inside one schema (not through its references). */
    private static void rewrite(Schema schema, Set<String> shortForms) {
        visit(schema, s -> {
            if (s.getRef() != null && shortForms.contains(s.getRef().substring(s.getRef().lastIndexOf('/') + 1))) {
                s.setRef(s.getRef() + "Input");
            }
        });
    }

    private static void visit(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> visit(p, action));
        }
        visit(schema.getItems(), action);
        visit(schema.getAdditionalPropertiesSchema(), action);
        for (Collection<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
            if (group != null) {
                group.forEach(s -> visit(s, action));
            }
        }
    }
}

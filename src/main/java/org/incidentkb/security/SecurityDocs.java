package org.incidentkb.security;

import io.quarkus.security.Authenticated;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.incidentkb.actor.ActorResource;
import org.incidentkb.common.Problem;
import org.incidentkb.eventtype.EventTypeResource;
import org.incidentkb.imports.ImportResource;
import org.incidentkb.incident.ActorIncidentsResource;
import org.incidentkb.incident.CasualtyResource;
import org.incidentkb.incident.ClaimResource;
import org.incidentkb.incident.IncidentResource;
import org.incidentkb.incident.RecordSearchResource;
import org.incidentkb.source.SourceResource;
import org.incidentkb.stats.StatsResource;

/**
 * Declares the two ways to sign in (HTTP Basic and bearer JWT) in the OpenAPI document, so Swagger UI offers
 * "Authorize", and gives each operation the requirement its {@code @RolesAllowed} says, read from the resources
 * themselves so the document cannot drift from what the service enforces. Reads are shown as optionally signed in.
 */
@OpenApiFilter
public class SecurityDocs implements OASFilter {

    static final List<Class<?>> RESOURCES = List.of(IncidentResource.class, CasualtyResource.class,
            ClaimResource.class, RecordSearchResource.class, ActorIncidentsResource.class, ActorResource.class,
            SourceResource.class, EventTypeResource.class, StatsResource.class, ImportResource.class,
            org.incidentkb.imports.BackupResource.class, UserResource.class);

    private static final String ROOT = "/api/v1";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.components(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("basic", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user of this service (see /users); the first start creates `admin`"));
        openAPI.getComponents().addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the identity provider configured with MP_JWT_VERIFY_PUBLICKEY_LOCATION and "
                        + "MP_JWT_VERIFY_ISSUER; "
                        + "its groups claim carries the roles"));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, String> roles = rolesByOperation();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            String role = roles.get(method.name() + " " + path);
            if (role != null) {
                document(operation, role, method == org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.GET);
            }
        }));
    }

    private static void document(Operation operation, String role, boolean read) {
        SecurityRequirement basic = OASFactory.createSecurityRequirement().addScheme("basic");
        SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme("bearer");
        String rule;
        if (Roles.READER.equals(role) && read) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement(), basic, bearer));
            rule = "**Access:** public, unless reads are configured to need the `reader` role "
                    + "(`KB_SECURITY_PUBLIC_READS=false`).";
        } else {
            operation.setSecurity(List.of(basic, bearer));
            rule = role.equals("*") ? "**Access:** any signed-in user."
                    : "**Access:** needs the `" + role + "` role" + (role.equals(Roles.ADMIN) ? "." : " (or admin).");
        }
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + rule);
        problem(operation, "401", "Not signed in, or wrong credentials (WWW-Authenticate says how to sign in)");
        if (!(Roles.READER.equals(role) && read)) {
            problem(operation, "403", "Signed in, but without the role this operation needs");
        }
        problem(operation, "429", "Too many failed logins from this address for this user; see Retry-After");
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null || operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
    }

    /** "METHOD /api/v1/path" to the role its resource method requires ("*" for any signed-in user). */
    static Map<String, String> rolesByOperation() {
        Map<String, String> roles = new HashMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = ROOT + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = sub == null ? base : base + (sub.value().startsWith("/") ? "" : "/") + sub.value();
                roles.put(http + " " + path.replaceAll("/+", "/").replaceAll("(.)/$", "$1"), role(m, resource));
            }
        }
        return roles;
    }

    private static String role(Method m, Class<?> resource) {
        if (m.isAnnotationPresent(Authenticated.class)) {
            return "*";
        }
        RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? null : allowed.value()[0];
    }

    private static String httpMethod(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getAnnotation(HttpMethod.class).value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }
}

package org.incidentkb.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.incidentkb.common.Problem;
import org.incidentkb.common.Roles;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Declares the two ways to sign in (HTTP Basic and bearer JWT) in the OpenAPI document, so Swagger UI offers
 * "Authorize", and gives each operation the requirement its {@code @RolesAllowed} says, read from the resources
 * themselves so the document cannot drift from what the service enforces. Reads are shown as optionally signed in.
 * The resources are found in the build's annotation index (every class with {@code @Path}), so a new resource needs
 * no registration here; it runs when the document is built.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class SecurityDocs implements OASFilter {

    private static final String ROOT = "/api/v1";
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ROLES_ALLOWED = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final DotName AUTHENTICATED = DotName.createSimple("io.quarkus.security.Authenticated");
    private static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final IndexView index;

    /** SmallRye OpenAPI hands the filter the application's annotation index. */
    public SecurityDocs(IndexView index) {
        this.index = index;
    }

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
    Map<String, String> rolesByOperation() {
        Map<String, String> roles = new HashMap<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            String base = ROOT + path.value().asString();
            for (MethodInfo m : resource.methods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                AnnotationInstance sub = m.declaredAnnotation(PATH);
                String full = sub == null ? base : base + (sub.value().asString().startsWith("/") ? "" : "/")
                        + sub.value().asString();
                roles.put(http + " " + full.replaceAll("/+", "/").replaceAll("(.)/$", "$1"), role(m, resource));
            }
        }
        return roles;
    }

    private static String role(MethodInfo m, ClassInfo resource) {
        if (m.hasDeclaredAnnotation(AUTHENTICATED)) {
            return "*";
        }
        AnnotationInstance allowed = m.declaredAnnotation(ROLES_ALLOWED);
        if (allowed == null) {
            allowed = resource.declaredAnnotation(ROLES_ALLOWED);
        }
        return allowed == null ? null : allowed.value().asStringArray()[0];
    }

    /** The method's HTTP method annotation (GET, POST...), by its simple name in jakarta.ws.rs. */
    private static String httpMethod(MethodInfo m) {
        for (String method : HTTP_METHODS) {
            if (m.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + method))) {
                return method;
            }
        }
        return null;
    }
}

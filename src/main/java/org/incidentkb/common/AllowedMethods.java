package org.incidentkb.common;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which HTTP methods each API path takes, read once from the resources' JAX-RS annotations: the {@code Allow} header
 * of a 405 and the answer to {@code OPTIONS} (204 with Allow; a CORS preflight is answered by the CORS filters
 * and Quarkus's REST layer as before). A path matched by several templates takes the methods of the most literal one, as JAX-RS
 * picks it ({@code /incidents/export} before {@code /incidents/{id}}); GET brings HEAD, and OPTIONS is always
 * allowed.
 */
@ApplicationScoped
public class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final String root;
    private volatile List<Template> templates;

    public AllowedMethods(@ConfigProperty(name = "quarkus.rest.path", defaultValue = "/") String root) {
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    void answerOptions(@Observes Router router) {
        router.route(root + "/*").method(HttpMethod.OPTIONS).order(-1003).handler(rc -> {
            if (rc.request().getHeader("Access-Control-Request-Method") != null) {
                rc.next(); // a CORS preflight
                return;
            }
            Set<String> allowed = of(rc.request().path());
            if (allowed.isEmpty()) {
                RequestGuard.send(rc, 404, "urn:incident-kb:problem:not-found", "Not found", "No resource at this path");
                return;
            }
            rc.response().setStatusCode(204).putHeader("Allow", String.join(", ", allowed)).end();
        });
    }

    /** The methods the path takes (with HEAD and OPTIONS), in a stable order; empty when no resource has the path. */
    public Set<String> of(String path) {
        int best = -1;
        Set<String> allowed = new TreeSet<>();
        for (Template template : templates()) {
            if (template.pattern.matcher(path).matches()) {
                if (template.literal > best) {
                    best = template.literal;
                    allowed.clear();
                }
                if (template.literal == best) {
                    allowed.addAll(template.methods);
                }
            }
        }
        if (!allowed.isEmpty()) {
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
        }
        return allowed;
    }

    private List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = read();
            templates = known;
        }
        return known;
    }

    private List<Template> read() {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = pathOf(type);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = null;
                Path methodPath = null;
                for (Method declared : declarations(type, method)) {
                    verb = verb != null ? verb : verbOf(declared);
                    methodPath = methodPath != null ? methodPath : declared.getAnnotation(Path.class);
                }
                if (verb != null) {
                    String path = join(root, classPath.value(), methodPath == null ? "" : methodPath.value());
                    methods.computeIfAbsent(path, p -> new TreeSet<>()).add(verb);
                }
            }
        }
        List<Template> read = new ArrayList<>();
        methods.forEach((path, verbs) -> read.add(Template.of(path, verbs)));
        return List.copyOf(read);
    }

    /** The class's {@code @Path}, or that of an interface it implements (the operations declare it there). */
    private static Path pathOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Path.class)) {
                return c.getAnnotation(Path.class);
            }
            for (Class<?> api : c.getInterfaces()) {
                if (api.isAnnotationPresent(Path.class)) {
                    return api.getAnnotation(Path.class);
                }
            }
        }
        return null;
    }

    /** The method and the declarations it implements in the class's interfaces. */
    private static List<Method> declarations(Class<?> type, Method method) {
        List<Method> found = new ArrayList<>(List.of(method));
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> api : c.getInterfaces()) {
                try {
                    found.add(api.getMethod(method.getName(), method.getParameterTypes()));
                } catch (NoSuchMethodException e) {
                    // not declared there
                }
            }
        }
        return found;
    }

    private static String verbOf(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod verb = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null && VERBS.contains(verb.value())) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String p = part.startsWith("/") ? part.substring(1) : part;
            p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
            if (!p.isEmpty()) {
                path.append('/').append(p);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** A path template as a pattern, with the count of its literal characters (the more, the more specific). */
    private record Template(Pattern pattern, int literal, Set<String> methods) {

        static Template of(String path, Set<String> methods) {
            StringBuilder regex = new StringBuilder();
            int literal = 0;
            int from = 0;
            Matcher m = PARAMETER.matcher(path);
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(from, m.start())));
                literal += m.start() - from;
                regex.append('(').append(m.group(2) == null ? "[^/]+" : m.group(2)).append(')');
                from = m.end();
            }
            regex.append(Pattern.quote(path.substring(from))).append("/?");
            literal += path.length() - from;
            return new Template(Pattern.compile(regex.toString()), literal, Set.copyOf(methods));
        }
    }
}

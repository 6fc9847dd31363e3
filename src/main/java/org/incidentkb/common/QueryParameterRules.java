package org.incidentkb.common;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every endpoint to the query parameters it declares: a name it does not take is a 400 naming it (a typo is
 * never mistaken for "no filter"), a parameter that takes one value given twice is a 400 rather than a silent
 * choice of the first, and an empty value ({@code country=}) is a 400 rather than a filter quietly dropped. Read from the resource method's {@code @QueryParam}s and {@code @BeanParam}s, once per method.
 */
public class QueryParameterRules {

    /** Parameter name to whether it may be repeated. */
    private static final Map<Method, Map<String, Boolean>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, Boolean> declared = DECLARED.computeIfAbsent(method,
                m -> declared(declaration(m, resource.getResourceClass())));
        for (var entry : request.getUriInfo().getQueryParameters().entrySet()) {
            Boolean repeatable = declared.get(entry.getKey());
            if (repeatable == null) {
                throw ProblemException.invalid(Params.clip(entry.getKey()), declared.isEmpty()
                        ? "unknown parameter; this endpoint takes no query parameters"
                        : "unknown parameter; this endpoint takes " + String.join(", ", declared.keySet()));
            }
            if (!repeatable && entry.getValue().size() > 1) {
                throw ProblemException.invalid(entry.getKey(), "given " + entry.getValue().size()
                        + " times; it takes one value");
            }
            if (entry.getValue().stream().anyMatch(String::isBlank)) {
                throw ProblemException.invalid(entry.getKey(), "is empty; leave the parameter out to not filter by it");
            }
        }
    }

    /**
     * The declaration that carries the method's JAX-RS parameter annotations: the method itself, or the one it
     * implements in an interface of the resource class (the operations and their documentation live there).
     */
    private static Method declaration(Method method, Class<?> resourceClass) {
        if (hasParameterAnnotations(method) || resourceClass == null) {
            return method;
        }
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> api : c.getInterfaces()) {
                for (Method m : api.getMethods()) {
                    if (m.getName().equals(method.getName()) && m.getParameterCount() == method.getParameterCount()
                            && hasParameterAnnotations(m)) {
                        return m;
                    }
                }
            }
        }
        return method;
    }

    private static boolean hasParameterAnnotations(Method method) {
        for (var annotations : method.getParameterAnnotations()) {
            if (annotations.length > 0) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Boolean> declared(Method method) {
        Map<String, Boolean> names = new TreeMap<>();
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            if (q != null) {
                names.put(q.value(), Collection.class.isAssignableFrom(p.getType()));
            }
            if (p.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> c = p.getType(); c != null && c != Object.class; c = c.getSuperclass()) {
                    for (Field f : c.getDeclaredFields()) {
                        QueryParam fq = f.getAnnotation(QueryParam.class);
                        if (fq != null) {
                            names.put(fq.value(), Collection.class.isAssignableFrom(f.getType()));
                        }
                    }
                }
            }
        }
        return names;
    }
}

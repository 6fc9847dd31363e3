package org.incidentkb.common;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read of many records (a list, statistics, an export) that answers with an ETag made from the KB's
 * {@link ChangeClock} and the request, and with 304 to an If-None-Match that names it
 * ({@link CollectionRevalidation}). Its {@code @Operation} documents a 304 response, which is how the OpenAPI
 * document learns the rest (org.incidentkb.openapi.RevalidationDocs).
 */
@NameBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Revalidated {
}

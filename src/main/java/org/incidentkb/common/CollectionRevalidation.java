package org.incidentkb.common;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Conditional GETs on lists, statistics and exports ({@link Revalidated}): the answer carries a weak ETag made of
 * the KB's {@link ChangeClock} token and a digest of what else the body depends on (the path and query, the
 * representation asked for in Accept, who asks: a signed-in reader sees authors an anonymous one does not, and the
 * version of what is kept beside the database that the answer may come from: {@link DerivedState}), and
 * an If-None-Match naming it gets 304 without running the query. Weak, because the same data may go out gzip-coded
 * or not. While the clock cannot tell (a commit under way on the embedded database) the answer has no ETag.
 * The body of such an answer is kept by its tag ({@link ResponseCache}); an ask whose tag names a kept body gets it
 * without running the query, unless it says {@code Cache-Control: no-cache} or {@code no-store}: then it is computed
 * again, and not kept.
 * <p>
 * Cache-Control: {@code no-cache} (keep it, revalidate before every use) unless {@code kb.http.public-max-age} lets
 * an anonymous answer be used unrevalidated for a while ({@code public, max-age=30, must-revalidate}); a signed-in
 * reader's answers are {@code private, no-cache}.
 */
public class CollectionRevalidation {

    private static final String TAG = CollectionRevalidation.class.getName() + ".tag";
    private static final String KEPT = CollectionRevalidation.class.getName() + ".kept";

    private final ChangeClock clock;
    private final SecurityIdentity identity;
    private final List<DerivedState> derived;
    private final String publicCacheControl;
    private final ResponseCache cache;
    private final ResponseCacheWriter keeper;

    public CollectionRevalidation(ChangeClock clock, SecurityIdentity identity, Instance<DerivedState> derived,
            KbConfig config, ResponseCache cache, ResponseCacheWriter keeper) {
        this.cache = cache;
        this.keeper = keeper;
        this.clock = clock;
        this.identity = identity;
        this.derived = derived.stream().toList();
        this.publicCacheControl = publicCacheControl(config.http().publicMaxAge());
    }

    /** What an anonymous answer says: reuse for the max-age, then revalidate; or revalidate before every use. */
    static String publicCacheControl(java.time.Duration maxAge) {
        long seconds = maxAge.toSeconds();
        return seconds > 0 ? "public, max-age=" + seconds + ", must-revalidate" : "no-cache";
    }

    @Revalidated
    @ServerRequestFilter
    public Optional<Response> revalidate(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return Optional.empty();
        }
        Optional<String> now = clock.now();
        if (now.isEmpty()) {
            return Optional.empty();
        }
        EntityTag tag = new EntityTag(now.get() + "-" + ETags.digest(variant(request)), true);
        request.setProperty(TAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ETags.matches(ifNoneMatch, tag)) {
            return Optional.of(Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl()).build());
        }
        String asked = request.getHeaderString(HttpHeaders.CACHE_CONTROL);
        asked = asked == null ? "" : asked.toLowerCase(java.util.Locale.ROOT);
        if (asked.contains("no-cache") || asked.contains("no-store")) {
            request.setProperty(KEPT, Boolean.FALSE); // computed again, and not kept
            return Optional.empty();
        }
        Optional<Response> kept = cache.answer(tag.getValue());
        kept.ifPresent(answer -> request.setProperty(KEPT, Boolean.TRUE));
        return kept;
    }

    @Revalidated
    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response,
            io.vertx.core.http.HttpServerResponse sent) {
        if (response.getStatus() != 200) {
            return;
        }
        if (Boolean.TRUE.equals(request.getProperty(KEPT))) {
            // A kept answer skips the handler that lets the server compress a resource's answer (it marks every
            // answer "Content-Encoding: identity" until that handler clears it): cleared here, so the kept body is
            // compressed for the client exactly as the computed one was (brotli or gzip, as it accepts).
            sent.headers().remove(HttpHeaders.CONTENT_ENCODING);
        }
        Object tag = request.getProperty(TAG);
        if (tag != null) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
            String value = ((EntityTag) tag).getValue();
            if (request.getProperty(KEPT) == null && cache.worthKeeping(value)) {
                StreamingOutput kept = keeper.keeping(value, response.getEntity(), response.getMediaType(),
                        response.getHeaders());
                if (kept != null) {
                    response.setEntity(kept, response.getEntityAnnotations(), response.getMediaType());
                }
            }
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl());
    }

    private String cacheControl() {
        return identity.isAnonymous() ? publicCacheControl : "private, no-cache";
    }

    /**
     * What the body depends on besides the data: the URL's path and query, the media type asked for, who asks, and
     * the versions of the derived state the query may be answered from.
     */
    private String variant(ContainerRequestContext request) {
        var uri = request.getUriInfo().getRequestUri();
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String who = identity.isAnonymous() ? "" : identity.getPrincipal().getName() + new TreeSet<>(identity.getRoles());
        StringBuilder variant = new StringBuilder(uri.getRawPath()).append('?').append(uri.getRawQuery()).append('\n')
                .append(accept == null ? "" : accept).append('\n').append(who);
        for (DerivedState state : derived) {
            state.version(request.getUriInfo().getQueryParameters()).ifPresent(v -> variant.append('\n').append(v));
        }
        return variant.toString();
    }
}

package org.incidentkb.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bodies of lists, statistics and exports kept by their ETag ({@link CollectionRevalidation}), within
 * {@code kb.http.response-cache} bytes (least recently used first out), each up to {@link #LARGEST}. The ETag names
 * the KB's data and everything else the body depends on (the request, the representation, who asks, the text index's
 * version), so a kept body is exactly what a 304 would confirm to a client that holds it: serving it adds no staleness
 * the ETag does not already allow, and a write that commits retires every tag read before it. Bodies are kept as the
 * resource wrote them, before any Content-Encoding, with the headers it set, from the second time their tag is
 * answered.
 */
@ApplicationScoped
public class ResponseCache {

    /** Headers that the filters set again on every answer, or that the body's framing gives. */
    private static final Set<String> NOT_KEPT = Set.of("etag", "cache-control", "content-length", "content-type");

    /** A kept answer: its body, media type and the headers its resource set. */
    record Body(byte[] bytes, MediaType type, List<Map.Entry<String, Object>> headers) {

        Response response() {
            Response.ResponseBuilder ok = Response.ok(bytes, type);
            headers.forEach(h -> ok.header(h.getKey(), h.getValue()));
            return ok.build();
        }
    }

    private final Cache<String, Body> bodies;
    /** Tags answered once: a body is copied and kept the second time its tag is answered, not for one-off asks. */
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(10_000).build();
    private final int largest;

    /**
     * The largest body kept: a page of 50 incidents or a country's monthly statistics are some tens of KiB. A larger
     * copy would be a G1 humongous object (half a region: 512 KiB at the recommended heap), which raised the heap's
     * high-water mark of the benchmark's exports 185 → 367 MiB while every body up to 4 MiB was copied.
     */
    static final int LARGEST = 256 * 1024;

    public ResponseCache(KbConfig config, MeterRegistry registry) {
        long size = config.http().responseCache().asLongValue();
        this.largest = (int) Math.min(LARGEST, size / 8);
        this.bodies = Caffeine.newBuilder().maximumWeight(size).recordStats()
                .weigher((String tag, Body body) -> body.bytes().length + 64 * (1 + body.headers().size())).build();
        // cache_gets_total{cache="kb-responses",result="hit|miss"}, cache_size, cache_evictions_total on /q/metrics
        CaffeineCacheMetrics.monitor(registry, bodies, "kb-responses");
    }

    /** The largest body kept, in bytes (0: none is kept). */
    int largest() {
        return largest;
    }

    /**
     * Whether the body about to be written for this tag should be kept: the second time the tag is answered, unless
     * its body is kept already (the same tag names the same body). Asks made once (random filters, a crawler) cost
     * no copy and take no room.
     */
    boolean worthKeeping(String tag) {
        if (largest == 0 || bodies.asMap().containsKey(tag)) {
            return false;
        }
        return seen.asMap().putIfAbsent(tag, Boolean.TRUE) != null;
    }

    Optional<Response> answer(String tag) {
        Body body = largest == 0 ? null : bodies.getIfPresent(tag);
        return body == null ? Optional.empty() : Optional.of(body.response());
    }

    void keep(String tag, byte[] bytes, MediaType type, MultivaluedMap<String, Object> headers) {
        List<Map.Entry<String, Object>> kept = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> kept.add(Map.entry(name, v)));
            }
        });
        bodies.put(tag, new Body(bytes, type, List.copyOf(kept)));
    }
}

package org.incidentkb.common;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps the body of a tagged answer ({@link CollectionRevalidation}) in the {@link ResponseCache} as it is written:
 * a copy up to the largest size kept, dropped as soon as the body outgrows it (a large export is streamed, not held).
 * A body whose writing fails is not kept.
 */
@Revalidated
@Provider
public class ResponseCacheWriter implements WriterInterceptor {

    private final ResponseCache cache;

    public ResponseCacheWriter(ResponseCache cache) {
        this.cache = cache;
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object tag = context.getProperty(CollectionRevalidation.KEEP);
        if (!(tag instanceof String key) || cache.largest() == 0) {
            context.proceed();
            return;
        }
        Copy copy = new Copy(context.getOutputStream(), cache.largest());
        context.setOutputStream(copy);
        context.proceed();
        if (copy.kept != null) {
            cache.keep(key, copy.kept.toByteArray(), context.getMediaType(), context.getHeaders());
        }
    }

    /** Writes through, and keeps what was written while it is no larger than {@code limit}. */
    static final class Copy extends FilterOutputStream {
        private final int limit;
        /** What was written, or null once it outgrew the limit. */
        ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Copy(OutputStream out, int limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            keep(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            keep(b, off, len);
        }

        private void keep(byte[] b, int off, int len) {
            if (kept == null) {
                return;
            }
            if (kept.size() + len > limit) {
                kept = null;
            } else {
                kept.write(b, off, len);
            }
        }
    }
}

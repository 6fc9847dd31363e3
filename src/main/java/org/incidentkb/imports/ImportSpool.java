package org.incidentkb.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.ProblemException;
import org.jboss.logging.Logger;

/**
 * Import bodies on disk: each upload is streamed to a file of its own (never held in memory), at most
 * kb.security.max-concurrent-uploads at once (each holds a worker thread while its client sends, however slowly),
 * and nothing is left behind when an upload breaks off or a process dies.
 */
@ApplicationScoped
public class ImportSpool {

    private static final Logger LOG = Logger.getLogger(ImportSpool.class);

    private final ImportJobRepository jobs;
    private final KbConfig config;
    private final Semaphore uploads;

    public ImportSpool(ImportJobRepository jobs, KbConfig config) {
        this.jobs = jobs;
        this.config = config;
        this.uploads = new Semaphore(config.security().maxConcurrentUploads());
    }

    /** The body in a file for this job; 503 while as many uploads as allowed are being received. */
    Path receive(InputStream body, String jobId) {
        if (!uploads.tryAcquire()) {
            throw new ProblemException(503, "urn:incident-kb:problem:busy", "Too many uploads", "The service is "
                    + "already receiving " + config.security().maxConcurrentUploads() + " import bodies; send this "
                    + "one when one of them has ended", null);
        }
        try {
            return spool(body, jobId);
        } finally {
            uploads.release();
        }
    }

    /** Deletes spooled bodies left by a process that died: those of jobs no instance is running any more. */
    void removeStrayFiles() {
        Path dir = spoolDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().matches("kb-import-[0-9a-f-]{36}\\.upload")).forEach(f -> {
                String jobId = f.getFileName().toString().substring("kb-import-".length(), "kb-import-".length() + 36);
                if (!QuarkusTransaction.requiringNew().call(() -> jobs.isActive(jobId))) {
                    delete(f);
                    LOG.infof("Deleted the spooled body of interrupted import %s", jobId);
                }
            });
        } catch (IOException e) {
            LOG.warnf("Could not look for stray import files in %s: %s", dir, e.getMessage());
        }
    }

    private Path spoolDirectory() {
        return config.imports().directory().map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** The body in a temporary file; nothing is left behind when the upload breaks off. */
    private Path spool(InputStream body, String jobId) {
        Path file;
        try {
            Path dir = spoolDirectory();
            Files.createDirectories(dir);
            file = Files.createFile(dir.resolve("kb-import-" + jobId + ".upload"));
        } catch (IOException e) {
            throw new UncheckedIOException("no file could be created for the import", e);
        }
        try (var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = read(body, buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("the request body could not be stored for the import", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** Reads the request body; a failure there is the client's upload breaking off, not a fault of the service. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            LOG.debugf(e, "Import upload broke off");
            throw ProblemException.badRequest("The request body broke off before its end; send the whole file again");
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete the spooled import file %s", file);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

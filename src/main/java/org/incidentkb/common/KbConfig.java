package org.incidentkb.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** All of Incident KB's own settings, under the prefix {@code kb}. */
@ConfigMapping(prefix = "kb")
public interface KbConfig {

    DemoData demoData();

    Imports imports();

    /**
     * Largest request body outside imports (imports take up to quarkus.http.limits.max-body-size); a larger one
     * is refused with 413 before it is read.
     */
    @WithDefault("10M")
    io.quarkus.runtime.configuration.MemorySize maxRequestBody();

    interface DemoData {
        /** Load the shipped demo data set on start-up when the database holds no incidents. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Imports {
        /** Where request bodies are spooled while their job runs (deleted afterwards); the system temp dir by default. */
        Optional<String> directory();

        /** Bodies up to this size are imported before the response (201 with the report); larger ones run as a job (202). */
        @WithDefault("1048576")
        long syncMaxBytes();

        /** Rows written per transaction. */
        @WithDefault("500")
        int batchSize();
    }
}

package org.incidentkb.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** All of Incident KB's own settings, under the prefix {@code kb}. */
@ConfigMapping(prefix = "kb")
public interface KbConfig {

    DemoData demoData();

    Security security();

    /**
     * This instance's name, kept across restarts (the host or container name by default); import jobs carry it so
     * a restarted instance fails its own interrupted jobs at once.
     */
    Optional<String> instanceId();

    Admin admin();

    Imports imports();

    Lists lists();

    Stats stats();

    Links links();

    Http http();

    TextIndex textIndex();

    /** The text index of {@code q=} (docs/adr/0016, 0021). */
    interface TextIndex {
        /**
         * Off, {@code q=} reads the database: a scan of the incidents on H2 (a million: seconds a request), the
         * trigram index on PostgreSQL (a tenth of a second and more).
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * The index's directory; by default beside the H2 file ({@code ./data/incident-kb.text} for
         * {@code ./data/incident-kb.mv.db}), in memory for an in-memory H2, and on PostgreSQL under the temporary
         * directory ({@code incident-kb-text-} and a digest of the database's URL).
         */
        Optional<String> directory();
    }

    interface Http {
        /**
         * How long an anonymous answer of a list, statistics or an export may be used without asking again
         * ({@code Cache-Control: public, max-age}). 0, the default, makes every use revalidate (no-cache, a 304 when
         * nothing changed), so no cache answers with data that changed.
         */
        @WithDefault("0s")
        java.time.Duration publicMaxAge();

        /**
         * Memory for the bodies of lists, statistics and exports kept by their ETag ({@link ResponseCache}): an ask
         * whose ETag names a kept body (the same request by the same reader, nothing written since) gets it without
         * running the query. A body over 256 KiB (or an eighth of this, if less) is not kept; 0 keeps none.
         */
        @WithDefault("16M")
        io.quarkus.runtime.configuration.MemorySize responseCache();
    }

    interface Links {
        /**
         * Which incident of an event (incidents joined by SAME_EVENT links) a deduplicated list shows and whose best
         * figures statistics take: the first dataset in this order; API means entered through the API.
         */
        @WithDefault("API,ACLED,UCDP,GTD")
        java.util.List<String> datasetPriority();

        /** Whether every import proposes links for the incidents it creates (with the default windows). */
        @WithDefault("true")
        boolean matchOnImport();

        /** The spatial window of matching on import, km. */
        @WithDefault("5")
        double spatialWindowKm();

        /** The temporal window of matching on import, days. */
        @WithDefault("2")
        int temporalWindowDays();
    }

    interface Lists {
        /**
         * How far a list counts its matches for {@code total} before it says "at least this many"
         * ({@code totalRelation: gte}); {@code count=exact} counts all.
         */
        @WithDefault("10000")
        int totalLimit();

        /**
         * Longest an exact count ({@code count=exact}) may run, in whole seconds; past it the request gets 503 with
         * Retry-After instead of holding a connection.
         */
        @WithDefault("10s")
        java.time.Duration exactCountTimeout();
    }

    /** Statistics ({@code GET /stats/incidents}). */
    interface Stats {
        /**
         * How many statistics grouped by perpetrator or admin1 (whose groups grow with the data) are computed at a
         * time; another waits for one of them to end.
         */
        @WithDefault("2")
        int wideConcurrency();

        /** How long such a statistic waits for its turn before it gets 503 with Retry-After. */
        @WithDefault("30s")
        java.time.Duration wideWait();

        /**
         * A statistic is written whole before the first byte is sent, so its transaction and database connection
         * end with the reading, however slowly the client takes the answer: up to this size in memory, a larger one
         * in a temporary file (deleted once sent).
         */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize bodyInMemory();
    }

    /**
     * Largest request body outside imports (imports take up to quarkus.http.limits.max-body-size); a larger one
     * is refused with 413 before it is read.
     */
    @WithDefault("10M")
    io.quarkus.runtime.configuration.MemorySize maxRequestBody();

    interface Security {
        /** Whether anyone may read; false requires the reader role (or higher) for every read. */
        @WithDefault("true")
        boolean publicReads();

        /**
         * While reads are public, whether pages of any origin may read anonymously (CORS {@code *} on credential-less
         * GETs); a KB on an intranet should turn this off.
         */
        @WithDefault("true")
        boolean publicCors();

        Login login();

        /** Most uploads (imports) read at once; a further one is refused with 503 until one ends. */
        @WithDefault("4")
        int maxConcurrentUploads();

        interface Login {
            /** Failed logins for one user name from one address before further attempts are refused for a while. */
            @WithDefault("5")
            int maxFailures();

            /** The first lock time; it doubles with every further failure, up to an hour. */
            @WithDefault("30s")
            java.time.Duration lockTime();

            /**
             * Password checks (bcrypt) run at once, at most; further sign-ins wait their turn. Half the cores when
             * unset, so a flood of sign-ins leaves the rest of the CPU to reads.
             */
            Optional<Integer> concurrentChecks();

            /** How long a sign-in waits for its turn to be checked before it is answered 503 with Retry-After. */
            @WithDefault("5s")
            java.time.Duration checkWait();
        }
    }

    interface Admin {
        /** Password of the admin user created on the first start; a random one is logged when unset. */
        Optional<String> password();
    }

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

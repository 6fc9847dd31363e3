package org.incidentkb.stats;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.incidentkb.common.Format;
import org.incidentkb.common.KbConfig;
import org.incidentkb.incident.query.IncidentFilter;
import org.incidentkb.incident.query.IncidentQuery;
import org.incidentkb.incident.query.IncidentSearchService;

/**
 * Serves {@link StatsOperations}: the statistic's body ({@link StatsBodies}) is written whole before it is sent
 * ({@link #whole}).
 */
public class StatsResource implements StatsOperations {

    private final IncidentSearchService search;
    private final StatsBodies bodies;
    private final int inMemory;

    public StatsResource(IncidentSearchService search, StatsBodies bodies, KbConfig config) {
        this.inMemory = (int) Math.min(Integer.MAX_VALUE, config.stats().bodyInMemory().asLongValue());
        this.search = search;
        this.bodies = bodies;
    }

    @Override
    public Response incidents(IncidentQuery query, List<String> groupBy, String format, UriInfo uri, HttpHeaders headers) {
        Format chosen = Format.choose(format, headers, EnumSet.of(Format.JSON, Format.CSV));
        List<Dimension> dimensions = StatsService.dimensions(groupBy);
        IncidentFilter filter = search.filter(query);
        if (chosen == Format.CSV) {
            return Response.ok(whole(bodies.csv(filter, dimensions))).type(Format.CSV_TYPE + "; charset=UTF-8; header=present")
                    .header("Content-Disposition", "attachment; filename=\"incident-stats.csv\"").build();
        }
        return Response.ok(whole(bodies.json(filter, dimensions))).type(MediaType.APPLICATION_JSON).build();
    }

    /**
     * The body written whole before its first byte is sent: in memory up to {@code kb.stats.body-in-memory}, past it
     * in a temporary file, deleted once sent. The statistic's transaction, its database connection and its turn
     * among the wide statistics then end with the reading, however slowly the client takes the answer (a 17 MB CSV
     * at a million incidents), and a failure while reading is a problem answer, never a cut one.
     */
    private StreamingOutput whole(StatsBodies.Body body) {
        return out -> {
            DeferredFileOutputStream spool = DeferredFileOutputStream.builder().setThreshold(inMemory)
                    .setPrefix("kb-stats-").setSuffix(".part").get();
            try {
                try (spool) {
                    body.write(spool);
                }
                spool.writeTo(out);
            } finally {
                if (!spool.isInMemory()) {
                    Files.deleteIfExists(spool.getPath());
                }
            }
        };
    }

}

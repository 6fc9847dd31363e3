package org.incidentkb.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.actor.ActorService;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.Ref;
import org.incidentkb.common.Timestamps;
import org.incidentkb.incident.IncidentService;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.incident.model.IncidentRepository;
import org.incidentkb.link.Link;
import org.incidentkb.link.LinkApi.LinkInput;
import org.incidentkb.link.LinkService;
import org.incidentkb.source.SourceApi.SourceInput;
import org.incidentkb.source.SourceService;
import org.jboss.logging.Logger;

/**
 * Loads the shipped demo data set (the news digest on Iraq and Syria) on the first start against an empty
 * database. It goes through the same services as the API, so derived values are computed by the same code.
 * The whole load is one transaction that first claims the row {@code kb_seed('demo')}: a second instance
 * starting at the same time waits on that row and then finds it taken, so the data is loaded once.
 */
@ApplicationScoped
public class DemoDataLoader {

    static final String RESOURCE = "seed/demo-data.json";
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    private final KbConfig config;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final IncidentRepository incidents;
    private final SourceService sources;
    private final ActorService actors;
    private final IncidentService incidentService;
    private final LinkService links;
    private final org.incidentkb.common.Database database;
    /** The demo data's row in kb_seed (V5), claimed by the instance that loads it. */
    private static final String DEMO = "demo";

    public DemoDataLoader(KbConfig config, ObjectMapper mapper, EntityManager em, IncidentRepository incidents,
            SourceService sources, ActorService actors, IncidentService incidentService, LinkService links,
            org.incidentkb.common.Database database) {
        this.links = links;
        this.database = database;
        this.config = config;
        this.mapper = mapper;
        this.em = em;
        this.incidents = incidents;
        this.sources = sources;
        this.actors = actors;
        this.incidentService = incidentService;
    }

    record DemoData(String description, List<SourceInput> sources, List<ActorInput> actors, List<IncidentInput> incidents,
            List<DemoLink> links) {
    }

    /** A link the digest states, between two incidents named by title. */
    record DemoLink(String from, String to, Link.Relation relation, String note) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.demoData().enabled()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(this::loadIfEmpty);
        } catch (PersistenceException | org.jooq.exception.DataAccessException e) {
            // Another instance claimed the kb_seed row first and has loaded the data.
            LOG.infof("Demo data not loaded here: another instance loaded it (%s)", e.getClass().getSimpleName());
        }
    }

    void loadIfEmpty() {
        var seed = org.incidentkb.common.schema.Tables.KB_SEED;
        boolean seeded = database.flushed(sql -> sql.fetchExists(seed, seed.NAME.eq(DEMO)));
        if (seeded || incidents.count() > 0) {
            return;
        }
        database.flushed(sql -> sql.insertInto(seed, seed.NAME, seed.LOADED_AT).values(DEMO, Timestamps.now())
                .execute());
        DemoData data = read();
        data.sources().forEach(sources::create);
        data.actors().forEach(actors::create);
        Map<String, Long> byTitle = new HashMap<>();
        data.incidents().forEach(i -> byTitle.put(i.title(), incidentService.create(i).id()));
        List<DemoLink> demoLinks = data.links() == null ? List.of() : data.links();
        for (DemoLink l : demoLinks) {
            links.create(id(byTitle, l.from()), new LinkInput(Ref.of(id(byTitle, l.to()), null), l.relation(), l.note()));
        }
        LOG.infof("Loaded demo data: %d incidents, %d links, %d actors, %d sources", data.incidents().size(),
                demoLinks.size(), data.actors().size(), data.sources().size());
    }

    private static long id(Map<String, Long> byTitle, String title) {
        Long id = byTitle.get(title);
        if (id == null) {
            throw new IllegalStateException(RESOURCE + " links an incident it does not hold: " + title);
        }
        return id;
    }

    private DemoData read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return mapper.readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}

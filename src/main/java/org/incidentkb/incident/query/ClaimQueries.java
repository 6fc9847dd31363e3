package org.incidentkb.incident.query;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.incidentkb.common.Count;
import org.incidentkb.common.Database;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Ref;
import org.incidentkb.incident.api.IncidentApi.ClaimEntry;
import org.incidentkb.incident.api.IncidentApi.ClaimView;
import org.incidentkb.incident.api.IncidentApi.Party;
import org.incidentkb.incident.model.Channel;
import org.incidentkb.incident.model.Credibility;
import org.incidentkb.incident.model.Stance;
import org.jooq.Condition;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Claims across incidents ({@code /claims}), each page one statement that reads the claim with the names it shows
 * (its incident's title, the actor's and the stating actor's names, the source's publisher) as values: as entities,
 * at a million incidents, Hibernate's loading of each claim and of the records it names took half of the request's
 * time. Counted as the incident lists are: up to kb.lists.total-limit without an order (the database stops at the
 * bound), exactly within kb.lists.exact-count-timeout, or not at all.
 */
@ApplicationScoped
public class ClaimQueries {

    private static final Table<Record> CLAIM = table(name("claim")).as("c");
    private static final Field<Long> ID = c("id", SQLDataType.BIGINT);
    private static final Field<Long> VERSION = c("version", SQLDataType.BIGINT);
    private static final Field<Long> INCIDENT_ID = c("incident_id", SQLDataType.BIGINT);
    private static final Field<Long> ACTOR_ID = c("actor_id", SQLDataType.BIGINT);
    private static final Field<String> STANCE = c("stance", SQLDataType.VARCHAR);
    private static final Field<Long> STATED_BY_ID = c("stated_by_actor_id", SQLDataType.BIGINT);
    private static final Field<String> STATED_BY_TEXT = c("stated_by_text", SQLDataType.VARCHAR);
    private static final Field<LocalDate> STATED_ON = c("stated_on", SQLDataType.LOCALDATE);
    private static final Field<String> CHANNEL = c("channel", SQLDataType.VARCHAR);
    private static final Field<String> QUOTE = c("quote", SQLDataType.VARCHAR);
    private static final Field<String> CREDIBILITY = c("credibility", SQLDataType.VARCHAR);
    private static final Field<Long> SOURCE_ID = c("source_id", SQLDataType.BIGINT);
    private static final Field<Instant> CREATED_AT = c("created_at", SQLDataType.INSTANT);
    private static final Field<Instant> UPDATED_AT = c("updated_at", SQLDataType.INSTANT);

    private static final Table<Record> INCIDENT = table(name("incident")).as("ci");
    private static final Field<Long> INCIDENT_KEY = field(name("ci", "id"), SQLDataType.BIGINT);
    private static final Field<String> INCIDENT_TITLE = field(name("ci", "title"), SQLDataType.VARCHAR);
    private static final Table<Record> ACTOR = table(name("actor")).as("ca");
    private static final Field<Long> ACTOR_KEY = field(name("ca", "id"), SQLDataType.BIGINT);
    private static final Field<String> ACTOR_NAME = field(name("ca", "name"), SQLDataType.VARCHAR);
    private static final Table<Record> STATED_BY = table(name("actor")).as("cs");
    private static final Field<Long> STATED_BY_KEY = field(name("cs", "id"), SQLDataType.BIGINT);
    private static final Field<String> STATED_BY_NAME = field(name("cs", "name"), SQLDataType.VARCHAR);
    private static final Table<Record> SOURCE = table(name("source")).as("cp");
    private static final Field<Long> SOURCE_KEY = field(name("cp", "id"), SQLDataType.BIGINT);
    private static final Field<String> SOURCE_PUBLISHER = field(name("cp", "publisher"), SQLDataType.VARCHAR);

    private static final List<SelectField<?>> SHOWN = List.of(ID, VERSION, INCIDENT_ID, INCIDENT_TITLE, ACTOR_ID,
            ACTOR_NAME, STANCE, STATED_BY_ID, STATED_BY_NAME, STATED_BY_TEXT, STATED_ON, CHANNEL, QUOTE, CREDIBILITY,
            SOURCE_ID, SOURCE_PUBLISHER, CREATED_AT, UPDATED_AT);

    private final Database database;

    public ClaimQueries(Database database) {
        this.database = database;
    }

    /** What a claim search selects; empty sets and nulls leave a condition out, values within a set are alternatives. */
    public record Filter(Set<Long> actors, Set<Stance> stances, Set<Channel> channels, Set<Credibility> credibilities,
            LocalDate from, LocalDate to) {

        Condition where() {
            List<Condition> w = new ArrayList<>();
            in(w, ACTOR_ID, actors);
            in(w, STANCE, stances.stream().map(Enum::name).toList());
            in(w, CHANNEL, channels.stream().map(Enum::name).toList());
            in(w, CREDIBILITY, credibilities.stream().map(Enum::name).toList());
            if (from != null) {
                w.add(STATED_ON.ge(from));
            }
            if (to != null) {
                w.add(STATED_ON.le(to));
            }
            return DSL.and(w);
        }

        private static <T> void in(List<Condition> w, Field<T> column, Collection<T> values) {
            if (!values.isEmpty()) {
                w.add(column.in(values));
            }
        }
    }

    /**
     * The page {@code paging} names, newest statement first (undated ones last, then the highest id), read one claim
     * past its end so that whether more follow is known without a total; the total counted as {@code count} says:
     * up to the bound without an order (the database stops there), or exactly within kb.lists.exact-count-timeout.
     */
    public Paging.Slice<ClaimEntry> page(Filter filter, Paging paging, Count count, KbConfig.Lists limits) {
        Condition where = filter.where();
        List<ClaimEntry> rows = database.read(sql -> sql.select(SHOWN).from(CLAIM)
                .join(INCIDENT).on(INCIDENT_KEY.eq(INCIDENT_ID))
                .join(ACTOR).on(ACTOR_KEY.eq(ACTOR_ID))
                .leftJoin(STATED_BY).on(STATED_BY_KEY.eq(STATED_BY_ID))
                .leftJoin(SOURCE).on(SOURCE_KEY.eq(SOURCE_ID))
                .where(where).orderBy(STATED_ON.desc().nullsLast(), ID.desc())
                .limit(paging.size() + 1).offset(paging.offset())
                .fetch(ClaimQueries::entry));
        int seconds = (int) Math.max(1, limits.exactCountTimeout().toSeconds());
        return paging.counted(rows, count, limits,
                () -> database.countWithin(seconds, sql -> sql.selectCount().from(CLAIM).where(where)),
                bound -> database.read(sql -> sql.selectCount()
                        .from(sql.selectOne().from(CLAIM).where(where).limit(inline(bound + 1)).asTable("bounded"))
                        .fetchOne(0, Long.class)));
    }

    private static ClaimEntry entry(Record r) {
        Long statedBy = r.get(STATED_BY_ID);
        Long source = r.get(SOURCE_ID);
        ClaimView claim = new ClaimView(r.get(ID), r.get(VERSION), Ref.of(r.get(ACTOR_ID), r.get(ACTOR_NAME)),
                Stance.valueOf(r.get(STANCE)),
                Party.of(statedBy == null ? null : Ref.of(statedBy, r.get(STATED_BY_NAME)), r.get(STATED_BY_TEXT)),
                r.get(STATED_ON), Channel.valueOf(r.get(CHANNEL)), r.get(QUOTE), Credibility.valueOf(r.get(CREDIBILITY)),
                source == null ? null : Ref.of(source, r.get(SOURCE_PUBLISHER)), r.get(CREATED_AT), r.get(UPDATED_AT));
        return new ClaimEntry(Ref.of(r.get(INCIDENT_ID), r.get(INCIDENT_TITLE)), claim);
    }

    private static <T> Field<T> c(String column, DataType<T> type) {
        return field(name("c", column), type);
    }
}

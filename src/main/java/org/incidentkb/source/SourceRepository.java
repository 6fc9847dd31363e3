package org.incidentkb.source;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.incidentkb.common.Database;
import org.incidentkb.common.Like;
import org.incidentkb.common.schema.Tables;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

@ApplicationScoped
public class SourceRepository implements PanacheRepository<Source> {

    private final Database database;

    public SourceRepository(Database database) {
        this.database = database;
    }

    public Optional<Source> findByUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    public List<Source> findByPublisher(String publisher) {
        return find("lower(publisher) = ?1", publisher.trim().toLowerCase(java.util.Locale.ROOT)).page(0, 2).list();
    }

    public PanacheQuery<Source> search(String publisher) {
        Sort sort = Sort.by("publisher").and("id");
        if (publisher == null || publisher.isBlank()) {
            return findAll(sort);
        }
        return find("lower(publisher) like :p escape '!'", sort, Parameters.with("p", Like.contains(publisher)));
    }

    /** Whether anything cites the source: incidents, casualties or claims. */
    public boolean isReferenced(long sourceId) {
        return database.flushed(sql -> sql.fetchValue(DSL.field(referenced(DSL.val(sourceId)))));
    }

    /** Deletes those of these sources that nothing cites ({@link #isReferenced}); returns the ids deleted. */
    public Set<Long> deleteUnreferenced(Collection<Long> ids) {
        var s = Tables.SOURCE;
        return database.flushed(sql -> {
            Set<Long> gone = new HashSet<>(sql.select(s.ID).from(s).where(s.ID.in(ids)).andNot(referenced(s.ID))
                    .fetch(s.ID));
            if (!gone.isEmpty()) {
                sql.deleteFrom(s).where(s.ID.in(gone)).execute();
            }
            return gone;
        });
    }

    /** The one rule of a source in use, for one id or each row's. */
    private static Condition referenced(Field<Long> source) {
        return DSL.exists(DSL.selectOne().from(Tables.INCIDENT_SOURCE).where(Tables.INCIDENT_SOURCE.SOURCE_ID.eq(source)))
                .or(DSL.exists(DSL.selectOne().from(Tables.CASUALTY).where(Tables.CASUALTY.SOURCE_ID.eq(source))))
                .or(DSL.exists(DSL.selectOne().from(Tables.CLAIM).where(Tables.CLAIM.SOURCE_ID.eq(source))));
    }

    /** Each source's id, publisher, URL and title, by id, to {@code each}. */
    public void eachSource(java.util.function.Consumer<org.jooq.Record4<Long, String, String, String>> each) {
        var s = Tables.SOURCE;
        database.read(sql -> {
            sql.select(s.ID, s.PUBLISHER, s.URL, s.TITLE).from(s).orderBy(s.ID).forEach(each);
            return null;
        });
    }

    /** The next {@code limit} sources by id after {@code id}: a keyset walk through all of them (the backup). */
    public java.util.List<Source> after(long id, int limit) {
        return find("id > ?1", Sort.by("id"), id).page(0, limit).list();
    }
}

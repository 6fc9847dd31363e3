package org.incidentkb.source;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.incidentkb.common.ETags;
import org.incidentkb.common.LabelChanged;
import org.incidentkb.common.MergePatch;
import org.incidentkb.common.Paging;
import org.incidentkb.common.Problem;
import org.incidentkb.common.ProblemException;
import org.incidentkb.common.Ref;
import org.incidentkb.source.SourceApi.SourceInput;
import org.incidentkb.source.SourceApi.SourceView;

/** Sources: unique URLs, no deleting what is cited. */
@ApplicationScoped
public class SourceService {

    private final jakarta.enterprise.event.Event<LabelChanged> labelChanged;

    private final SourceRepository sources;
    private final MergePatch mergePatch;

    public SourceService(SourceRepository sources, MergePatch mergePatch,
            jakarta.enterprise.event.Event<LabelChanged> labelChanged) {
        this.labelChanged = labelChanged;
        this.sources = sources;
        this.mergePatch = mergePatch;
    }

    public Optional<SourceView> get(long id) {
        return sources.findByIdOptional(id).map(SourceView::from);
    }

    public Paging.Slice<SourceView> search(String publisher, Paging paging) {
        var query = sources.search(publisher);
        return new Paging.Slice<>(query.page(paging.panache()).list().stream().map(SourceView::from).toList(),
                query.count());
    }

    @Transactional
    public SourceView create(SourceInput input) {
        ProblemException.requireNoVersion(input.version());
        requireUniqueUrl(input.url(), null);
        Source source = new Source();
        apply(source, input);
        sources.persist(source);
        sources.flush();
        return SourceView.from(source);
    }

    @Transactional
    public Optional<SourceView> update(long id, SourceInput input, Long ifMatch) {
        Optional<Source> found = ETags.forWrite(sources.findByIdOptional(id), "Source", id, ifMatch, input.version());
        found.ifPresent(source -> {
            requireUniqueUrl(input.url(), id);
            apply(source, input);
            sources.flush();
            labelChanged.fire(new LabelChanged(LabelChanged.Kind.SOURCE, id));
        });
        return found.map(SourceView::from);
    }

    @Transactional
    public Optional<SourceView> patch(long id, JsonNode patch, Long ifMatch) {
        return ETags.forWrite(sources.findByIdOptional(id), "Source", id, ifMatch, null)
                .flatMap(found -> update(id, mergePatch.apply(SourceView.from(found), patch, SourceInput.class), null));
    }

    /**
     * Deletes those of these sources that nothing refers to (what a failed import row had created, and nothing else
     * came to use meanwhile); returns the ids deleted.
     */
    @Transactional
    public java.util.Set<Long> deleteUnreferenced(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? java.util.Set.of() : sources.deleteUnreferenced(ids);
    }

    @Transactional
    public boolean delete(long id, Long ifMatch) {
        Optional<Source> found = ETags.forWrite(sources.findByIdOptional(id), "Source", id, ifMatch, null);
        if (found.isEmpty()) {
            return false;
        }
        if (sources.isReferenced(id)) {
            throw ProblemException.conflict("Source " + id + " is still cited by incidents, casualties or claims; "
                    + "detach it first");
        }
        sources.delete(found.get());
        return true;
    }

    /**
     * The source a reference names: by id, or by publisher when exactly one source has that publisher.
     * One that matches nothing is a client error reported against {@code field}.
     */
    public Source require(Ref ref, String field) {
        if (ref != null && ref.id() == null && ref.name() != null && !ref.name().isBlank()) {
            List<Source> matches = sources.findByPublisher(ref.name());
            if (matches.size() != 1) {
                throw ProblemException.invalid(field + ".name", matches.isEmpty()
                        ? "no source published by '" + ref.name() + "'"
                        : matches.size() + " sources are published by '" + ref.name() + "'; give the id");
            }
            return matches.get(0);
        }
        if (ref == null || ref.id() == null) {
            throw ProblemException.invalid(field + ".id", "must give the source's id");
        }
        return sources.findByIdOptional(ref.id())
                .orElseThrow(() -> ProblemException.invalid(field + ".id", "no source with id " + ref.id()));
    }

    private static void apply(Source source, SourceInput input) {
        source.setPublisher(input.publisher().trim());
        source.setUrl(input.url());
        source.setTitle(input.title());
        source.setPublishedOn(input.publishedOn());
        source.setLanguage(input.language());
    }

    private void requireUniqueUrl(String url, Long self) {
        if (url == null) {
            return;
        }
        sources.findByUrl(url).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ProblemException(409, "urn:incident-kb:problem:conflict", "Conflict",
                    "Source " + other.getId() + " already has that URL",
                    List.of(new Problem.FieldError("url", "already used by source " + other.getId())));
        });
    }
}

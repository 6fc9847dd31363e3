package org.incidentkb.incident.text;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.InPlaceMergeSorter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.incidentkb.common.Database;
import org.jooq.DSLContext;
import org.incidentkb.common.DerivedState;
import org.incidentkb.common.ETags;
import org.incidentkb.common.KbConfig;
import org.incidentkb.common.TextFold;
import org.incidentkb.incident.api.IncidentApi.CasualtyView;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.NamedPerson;
import org.incidentkb.incident.write.IncidentsChanged;
import org.jboss.logging.Logger;

/**
 * The text index of {@code q=} (docs/adr/0016, 0021, 0022): a Lucene index of the title, locality, summary and
 * casualty names of every incident, lower-cased and with their spelling variants folded ({@link TextFold}), cut into
 * every run of three characters (trigrams, the idea of PostgreSQL's pg_trgm), with the country beside them. A text is
 * found where its trigrams stand one after the other, so a match is exactly a substring match of the folded texts, the
 * same answer as the scan's {@code fold(title) like '%fold(text)%'}; {@link #ids} answers the incidents
 * that hold it, and the SQL of the list or statistic takes them as an id list instead of scanning; {@link #newest} the
 * first of them in the lists' default order (by the start date it keeps beside each id), for a page of a text alone.
 * <p>
 * The database stays the truth. The index follows every write of this process after it commits, in the writing
 * thread, before the answer goes out (so a writer finds what it wrote); on PostgreSQL, where other instances of the
 * service (and SQL by hand) write too, it also follows the change log of migration V28 every {@link #FOLLOW_MILLIS}
 * ms ({@link #follow}). It is flushed to its directory every {@link #COMMIT_SECONDS} s and at shutdown. At every start
 * it is compared with the incidents (id and updatedAt of each) and what differs is indexed again, on a thread of its
 * own, and so again {@link #RETRY} after a comparison that failed or a write it could not follow; until that is
 * done, and whenever more than {@link #MAX_HITS} incidents match, {@link #ids} answers empty and
 * the query reads the database as before. An incident in the index that is no longer in the database costs nothing
 * (the SQL does not find it); one missing from the index would be missed, so every change is applied only when it is
 * newer than what the index holds. What the index answers is part of the ETag of an answer to {@code q}
 * ({@link #version}), so a cached answer never outlives the index state it was made from.
 */
@ApplicationScoped
public class TextIndex implements DerivedState {

    private static final Logger LOG = Logger.getLogger(TextIndex.class);
    /** More matches than this and the id list costs about what a scan does. */
    static final int MAX_HITS = 100_000;
    static final int COMMIT_SECONDS = 5;
    /** How often, on PostgreSQL, the index reads the change log for the writes of other processes. */
    static final int FOLLOW_MILLIS = 1_000;
    /**
     * How long the change log keeps a row. A follower that could not read it for half of this (the database away)
     * compares the whole index again instead.
     */
    private static final Duration CHANGE_LOG_KEPT = Duration.ofDays(1);
    private static final Duration CHANGE_LOG_PRUNED_EVERY = Duration.ofMinutes(10);
    /** How long after a comparison that failed, or a write it could not follow, the index compares itself again. */
    static final Duration RETRY = Duration.ofSeconds(30);
    private static final int CHUNK = 2_000;
    /** What the documents hold and how; an index of another format is built again at the start. */
    private static final String FORMAT = "trigrams-folded-3";
    private static final String FORMAT_KEY = "format";
    private static final String ID = "id";
    private static final String UPDATED = "updated";
    /** The start date (epoch day), to hand out a page in the lists' default order: newest first, then highest id. */
    private static final String START = "start";
    private static final Sort NEWEST = new Sort(new SortField(START, SortField.Type.LONG, true),
            new SortField(ID, SortField.Type.LONG, true));
    /** The longest reach (offset + page) {@link #newest} answers; a priority queue of that many entries. */
    public static final int MAX_REACH = 10_000;
    private static final String COUNTRY = "country";
    /**
     * The texts q searches (title, locality, summary, casualty names), as the values of one field: a search asks one
     * phrase instead of one per text, and the wide gap between values keeps a phrase from running across two.
     */
    private static final String TEXT = "text";
    private static final FieldType GRAMS = grams();

    /** Trigrams of text already lower-cased; the values of a multi-valued field are kept apart by a wide gap. */
    private static final Analyzer TRIGRAMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new NGramTokenizer(3, 3));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 1_000;
        }
    };

    private final DataSource dataSource;
    private final Database database;
    private final boolean postgres;
    /** Switched on, and its directory opened (another process may hold it: then {@code q} reads the database). */
    private volatile boolean enabled;
    private final Optional<Path> directoryPath;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-text-index");
        t.setDaemon(true);
        return t;
    });
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile boolean ready;
    /** A write the index could not follow: it answers nothing until a comparison begun after it has ended. */
    private volatile boolean broken;
    /** The writes the index could not follow, counted: a comparison begun before the last one does not mend it. */
    private final AtomicLong failedWrites = new AtomicLong();
    /** A comparison is scheduled on the index thread ({@link #RETRY}). */
    private final AtomicBoolean retryPending = new AtomicBoolean();
    /** This start, and a count of the changes applied since: what {@link #version} tells. */
    private final String run = Long.toHexString(new java.security.SecureRandom().nextLong());
    private final AtomicLong changes = new AtomicLong();
    /**
     * PostgreSQL: every transaction below this id has finished and its rows of the change log have been read (the
     * {@code xmin} of the snapshot the last reading took); -1 before the first comparison. Used on the index thread
     * only, as are the two below.
     */
    private long followedBelow = -1;
    /** The transactions at or above {@link #followedBelow} whose rows have been read already. */
    private Set<Long> followedAbove = Set.of();
    private long lastFollowed;
    private long lastPruned;

    @Inject
    public TextIndex(DataSource dataSource, Database database, KbConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.dataSource = dataSource;
        this.database = database;
        this.postgres = database.isPostgres();
        this.enabled = config.textIndex().enabled();
        this.directoryPath = config.textIndex().directory().map(Path::of)
                .or(() -> postgres ? Optional.of(inTemporaryFiles(url)) : besideDatabase(url));
    }

    /**
     * On PostgreSQL, a directory of the machine's temporary files named after the database's URL: kept across
     * restarts where the files are (a start then compares it and indexes only what changed), built again where they
     * are not (a new container).
     */
    static Path inTemporaryFiles(String url) {
        return Path.of(System.getProperty("java.io.tmpdir"), "incident-kb-text-" + ETags.digest(url));
    }

    /**
     * {@code jdbc:h2:file:./data/incident-kb;...} keeps its index in {@code ./data/incident-kb.text}; an in-memory or
     * remote H2 none (the index is then kept in memory and built at every start).
     */
    static Optional<Path> besideDatabase(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
        int options = rest.indexOf(';');
        String file = options < 0 ? rest : rest.substring(0, options);
        if (file.startsWith("mem:") || file.startsWith("tcp:") || file.startsWith("ssl:")) {
            return Optional.empty();
        }
        String home = file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file;
        return Optional.of(Path.of(home + ".text"));
    }

    private static String format(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(FORMAT_KEY)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    @PostConstruct
    void open() {
        if (!enabled) {
            return;
        }
        try {
            directory = directoryPath.isPresent() ? FSDirectory.open(directoryPath.get()) : new ByteBuffersDirectory();
            writer = new IndexWriter(directory, new IndexWriterConfig(TRIGRAMS).setRAMBufferSizeMB(32));
            if (!FORMAT.equals(format(writer))) {
                // Made by a build that indexed differently (or new): emptied, so that the start-up pass fills it.
                writer.deleteAll();
            }
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
            searchers = new SearcherManager(writer, null);
        } catch (LockObtainFailedException e) {
            // Another process of the service on this machine keeps its index there (two over one database).
            enabled = false;
            LOG.warnf("The text index in %s is held by another process; q reads the database. Give each process a "
                    + "directory of its own (kb.text-index.directory).", directoryPath.orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index in " + directoryPath.orElse(null), e);
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            thread.execute(this::catchUpLogged);
            thread.scheduleWithFixedDelay(this::commit, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
            if (postgres) {
                thread.scheduleWithFixedDelay(this::followLogged, FOLLOW_MILLIS, FOLLOW_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (!enabled) {
            return;
        }
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
            lock.lock();
            try {
                searchers.close();
                writer.close();
                directory.close();
            } finally {
                lock.unlock();
            }
        } catch (IOException e) {
            LOG.warn("closing the text index failed; the next start indexes again what it lacks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@link #ids} answers (the index is on and has caught up with the database since the start). */
    public boolean ready() {
        return ready && !broken;
    }

    /**
     * What an answer to {@code q} depends on besides the database: this start of the index, the changes it applied
     * and whether it answers. Read before the query, as the ETag's clock is; an index that moves on meanwhile only
     * makes the tag older than the body.
     */
    @Override
    public Optional<String> version(Map<String, List<String>> query) {
        List<String> q = query.get("q");
        if (!enabled || q == null || q.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("text." + run + "." + changes.get() + (ready() ? ".ready" : ".scan"));
    }

    /** {@code ready}, {@code catching-up} or {@code off}, for the readiness check. */
    public String state() {
        return !enabled ? "off" : broken ? "broken" : ready ? "ready" : "catching-up";
    }

    /**
     * The ids, in ascending order, of the incidents whose title, locality, summary or a casualty's name holds
     * {@code text} (as {@link TextFold} folds both), in one of {@code countries} when any are
     * given; empty when the index cannot answer (not on, not caught up, a text under three characters, or more than
     * {@link #MAX_HITS} matches), and the caller then scans.
     */
    public Optional<long[]> ids(String text, Collection<String> countries) {
        if (!ready()) {
            return Optional.empty();
        }
        Optional<Query> query = query(text, countries);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                IdCollector ids = new IdCollector();
                searcher.search(query.get(), ids);
                return ids.overflow ? Optional.empty() : Optional.of(ids.sorted());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            LOG.warn("text index search failed; scanning instead", e);
            return Optional.empty();
        }
    }

    /**
     * How many incidents hold {@code text} (as {@link #ids}); empty when the index cannot answer.
     */
    public OptionalLong count(String text, Collection<String> countries) {
        Optional<Query> query = ready() ? query(text, countries) : Optional.empty();
        if (query.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return OptionalLong.of(searcher.count(query.get()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            LOG.warn("text index count failed; counting in the database instead", e);
            return OptionalLong.empty();
        }
    }

    /** The ids of a page's reach, in order, and how many incidents match in all (exact). */
    public record Page(long[] ids, long total) {
    }

    /**
     * The first {@code n} (at most {@link #MAX_REACH}) of the incidents that hold {@code text} (as {@link #ids}) in
     * the lists' default order, the latest start date first and then the highest id, after the incident with
     * {@code afterStart} and {@code afterId} when given, and how many match in all (before and after the cursor): a
     * page's worth of ids and the list's total in one pass, without reading every match's row. Empty when the index
     * cannot answer.
     */
    public Optional<Page> newest(String text, Collection<String> countries, LocalDate afterStart, Long afterId, int n) {
        Optional<Query> query = ready() && n <= MAX_REACH ? query(text, countries) : Optional.empty();
        if (query.isEmpty()) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int last = searcher.getIndexReader().maxDoc() - 1;
                if (last < 0) {
                    return Optional.of(new Page(new long[0], 0));
                }
                // Where to go on from: the cursor's own incident is not after itself (the same keys, and its
                // document number is not above the last one).
                FieldDoc after = afterStart == null ? null
                        : new FieldDoc(last, Float.NaN, new Object[] {afterStart.toEpochDay(), afterId});
                // Every match counted (no threshold), so the total is exact, those before the cursor included.
                TopFieldDocs top = searcher.search(query.get(),
                        new TopFieldCollectorManager(NEWEST, n, after, Integer.MAX_VALUE, false));
                long[] ids = new long[top.scoreDocs.length];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = (Long) ((FieldDoc) top.scoreDocs[i]).fields[1];
                }
                return Optional.of(new Page(ids, top.totalHits.value));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("text index page failed; the page is read from the database instead", e);
            return Optional.empty();
        }
    }

    static Optional<Query> query(String text, Collection<String> countries) {
        List<String> grams = trigrams(TextFold.fold(text));
        if (grams.isEmpty()) {
            return Optional.empty();
        }
        Query phrase = phrase(TEXT, grams);
        if (countries.isEmpty()) {
            return Optional.of(phrase);
        }
        return Optional.of(new BooleanQuery.Builder().add(phrase, Occur.MUST)
                .add(new TermInSetQuery(COUNTRY, countries.stream().map(BytesRef::new).toList()), Occur.FILTER).build());
    }

    /**
     * The trigrams of a text one after the other: it is enough to ask for every third (and the last), at its position,
     * for them to cover every character, and a phrase of fewer terms is cheaper to match.
     */
    private static Query phrase(String field, List<String> grams) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < grams.size(); i += 3) {
            phrase.add(new Term(field, grams.get(i)), i);
        }
        int last = grams.size() - 1;
        if (last % 3 != 0) {
            phrase.add(new Term(field, grams.get(last)), last);
        }
        return phrase.build();
    }

    static List<String> trigrams(String folded) {
        List<String> grams = new ArrayList<>();
        try (TokenStream tokens = TRIGRAMS.tokenStream("q", folded)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                grams.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grams;
    }

    /** Follows every committed write: the views after it are indexed, the deleted incidents taken out. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) IncidentsChanged changed) {
        if (!enabled) {
            return;
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (IncidentsChanged.Change change : changed.changes()) {
                entries.add(change.after() == null ? Entry.deleted(change.before().id()) : Entry.of(change.after()));
            }
            apply(entries);
        } catch (IOException | RuntimeException e) {
            // The write stands; the index answers no more until it has been compared with the database again.
            broken = true;
            failedWrites.incrementAndGet();
            LOG.errorf(e, "the text index could not follow a write; q scans until the index is compared with the "
                    + "database again, in %d s", RETRY.toSeconds());
            retryLater();
        }
    }

    /** What the index keeps of one incident; {@code title == null} for a deleted one. */
    record Entry(long id, long updated, long start, String country, String title, String locality, String summary,
            List<String> names) {

        static Entry deleted(long id) {
            return new Entry(id, Long.MAX_VALUE, 0, null, null, null, null, List.of());
        }

        static Entry of(IncidentView v) {
            List<String> names = new ArrayList<>();
            for (CasualtyView c : v.casualties()) {
                for (NamedPerson p : c.names()) {
                    names.add(p.name());
                }
            }
            return new Entry(v.id(), micros(v.updatedAt()), v.startDate().toEpochDay(),
                    v.location() == null ? null : v.location().countryCode(),
                    v.title(), v.location() == null ? null : v.location().locality(), v.summary(), names);
        }

        Document document() {
            Document d = new Document();
            d.add(new StringField(ID, Long.toString(id), Field.Store.NO));
            d.add(new NumericDocValuesField(ID, id));
            d.add(new NumericDocValuesField(UPDATED, updated));
            d.add(new NumericDocValuesField(START, start));
            if (country != null) {
                d.add(new StringField(COUNTRY, country, Field.Store.NO));
            }
            text(d, title);
            text(d, locality);
            text(d, summary);
            names.forEach(n -> text(d, n));
            return d;
        }

        private static void text(Document d, String value) {
            if (value != null && !value.isBlank()) {
                d.add(new Field(TEXT, TextFold.fold(value), GRAMS));
            }
        }
    }

    /**
     * Applies entries newer than what the index holds for their incidents, and makes them visible to searches before
     * returning. Under one lock, so that two writers' entries for an incident cannot land in the wrong order.
     */
    private void apply(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                for (Entry e : entries) {
                    long held = updated(searcher, e.id());
                    // Older than what the index holds: a writer that finished later already put its newer view.
                    // An equal one is written again (two changes of one transaction may share a timestamp).
                    if (held > e.updated()) {
                        continue;
                    }
                    Term id = new Term(ID, Long.toString(e.id()));
                    if (e.title() == null) {
                        writer.deleteDocuments(id);
                    } else {
                        writer.updateDocument(id, e.document());
                    }
                }
            } finally {
                searchers.release(searcher);
            }
            refreshed();
        } finally {
            lock.unlock();
        }
    }

    /** Makes the changes visible to searches, then counts them for {@link #version} (in this order). */
    private void refreshed() throws IOException {
        searchers.maybeRefreshBlocking();
        changes.incrementAndGet();
    }

    /** The updatedAt (µs) the index holds for an incident, or -1. */
    private static long updated(IndexSearcher searcher, long id) throws IOException {
        TopDocs hit = searcher.search(new TermQuery(new Term(ID, Long.toString(id))), 1);
        if (hit.scoreDocs.length == 0) {
            return -1;
        }
        int doc = hit.scoreDocs[0].doc;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues values = leaf.reader().getNumericDocValues(UPDATED);
        return values != null && values.advanceExact(doc - leaf.docBase) ? values.longValue() : -1;
    }

    /** Empties the index, as a lost directory would leave it (tests of {@link #catchUp}). */
    void clearForTest() throws IOException {
        lock.lock();
        try {
            writer.deleteAll();
            refreshed();
        } finally {
            lock.unlock();
        }
    }

    private void commit() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("flushing the text index failed; the next start indexes again what it lacks", e);
        }
    }

    /**
     * Compares the index with the database (at the start, and {@link #RETRY} after a comparison that failed or a
     * write the index could not follow); it answers once one has succeeded, and again after a write it could not
     * follow once one begun after that write has.
     */
    void catchUpLogged() {
        retryPending.set(false);
        long failedBefore = failedWrites.get();
        try {
            long started = System.nanoTime();
            int changed = catchUp();
            ready = true;
            if (failedWrites.get() == failedBefore) {
                broken = false;
            }
            commit();
            LOG.infof("text index: %d incidents indexed again in %d ms", changed,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.errorf(e, "the text index could not catch up with the database; q scans, and it tries again in %d s",
                    RETRY.toSeconds());
            retryLater();
        }
    }

    /** Schedules a comparison on the index thread, unless one is already waiting or the service is stopping. */
    private void retryLater() {
        if (!retryPending.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.schedule(this::catchUpLogged, RETRY.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            retryPending.set(false); // stopping
        }
    }

    /** Whether a comparison is scheduled (tests). */
    boolean retryPending() {
        return retryPending.get();
    }

    /**
     * Compares the index with the incidents, id by id and updatedAt by updatedAt, takes out what the database no
     * longer has and indexes again what is missing or older; returns how many it indexed or took out.
     */
    synchronized int catchUp() throws IOException, SQLException {
        long[][] held = held();
        List<Long> stale = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL streams the rows only inside a transaction (otherwise a million come at once). What changes
            // while the comparison runs is read from the change log afterwards: from the oldest transaction still
            // running before it began.
            c.setAutoCommit(false);
            long below = postgres ? ChangeLog.snapshotXmin(c) : -1;
            c.commit();
            DSLContext sql = database.on(c);
            int[] i = { 0 };
            long[] ids = held[0];
            IndexedIncidents.eachUpdated(sql, (id, updated) -> {
                while (i[0] < ids.length && ids[i[0]] < id) {
                    gone.add(ids[i[0]++]);
                }
                if (i[0] < ids.length && ids[i[0]] == id) {
                    if (held[1][i[0]] != updated) {
                        stale.add(id);
                    }
                    i[0]++;
                } else {
                    stale.add(id);
                }
            });
            while (i[0] < ids.length) {
                gone.add(ids[i[0]++]);
            }
            lock.lock();
            try {
                for (long id : gone) {
                    writer.deleteDocuments(new Term(ID, Long.toString(id)));
                }
                refreshed();
            } finally {
                lock.unlock();
            }
            for (int from = 0; from < stale.size(); from += CHUNK) {
                apply(IndexedIncidents.read(sql, stale.subList(from, Math.min(stale.size(), from + CHUNK))));
            }
            c.commit();
            followedBelow = below;
            followedAbove = Set.of();
            lastFollowed = System.nanoTime();
        }
        return stale.size() + gone.size();
    }

    private void followLogged() {
        if (!ready()) {
            return;
        }
        try {
            if (System.nanoTime() - lastFollowed > CHANGE_LOG_KEPT.toNanos() / 2) {
                LOG.warn("the text index has not read the change log for long; it is compared with the incidents");
                catchUp();
            } else {
                follow();
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warnf("the text index could not read the change log (%s); it tries again in %d ms", e.getMessage(),
                    FOLLOW_MILLIS);
        }
    }

    /**
     * On PostgreSQL, the writes of other processes: the incidents of every row of the change log (V28) written by a
     * transaction from {@link #followedBelow} on, in one snapshot, are indexed again where the updatedAt logged for
     * them is not the one the index holds (this process's own writes are, and cost only that comparison), and taken
     * out where the database no longer has them. Every transaction below the snapshot's {@code xmin} has finished,
     * so the next reading starts there; those at or above it that this reading saw are not read again. Returns how
     * many incidents it indexed again or took out.
     */
    synchronized int follow() throws IOException, SQLException {
        if (followedBelow < 0) {
            return 0;
        }
        List<Entry> entries = new ArrayList<>();
        long below;
        Set<Long> above = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                below = ChangeLog.snapshotXmin(c);
                Map<Long, Long> logged = ChangeLog.logged(c, followedBelow, followedAbove, below, above);
                List<Long> changed = changedSince(logged);
                DSLContext sql = database.on(c);
                for (int from = 0; from < changed.size(); from += CHUNK) {
                    entries.addAll(IndexedIncidents.readOrDeleted(sql,
                            changed.subList(from, Math.min(changed.size(), from + CHUNK))));
                }
                c.commit();
            } finally {
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
            if (lastPruned == 0 || System.nanoTime() - lastPruned >= CHANGE_LOG_PRUNED_EVERY.toNanos()) {
                ChangeLog.prune(c, CHANGE_LOG_KEPT);
                lastPruned = System.nanoTime();
            }
        }
        apply(entries);
        followedBelow = below;
        followedAbove = above;
        lastFollowed = System.nanoTime();
        return entries.size();
    }

    /** The incidents whose logged updatedAt is not the one the index holds, ascending. */
    private List<Long> changedSince(Map<Long, Long> logged) throws IOException {
        if (logged.isEmpty()) {
            return List.of();
        }
        List<Long> changed = new ArrayList<>();
        IndexSearcher searcher = searchers.acquire();
        try {
            for (Map.Entry<Long, Long> e : logged.entrySet()) {
                if (updated(searcher, e.getKey()) != e.getValue()) {
                    changed.add(e.getKey());
                }
            }
        } finally {
            searchers.release(searcher);
        }
        changed.sort(null);
        return changed;
    }

    /** The ids the index holds, ascending, and the updatedAt of each (two columns). */
    private long[][] held() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            int n = searcher.getIndexReader().numDocs();
            long[] ids = new long[n];
            long[] updated = new long[n];
            int k = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues idValues = leaf.reader().getNumericDocValues(ID);
                NumericDocValues updatedValues = leaf.reader().getNumericDocValues(UPDATED);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; idValues != null && doc < leaf.reader().maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && idValues.advanceExact(doc)) {
                        ids[k] = idValues.longValue();
                        updated[k++] = updatedValues.advanceExact(doc) ? updatedValues.longValue() : -1;
                    }
                }
            }
            new InPlaceMergeSorter() {
                @Override
                protected int compare(int i, int j) {
                    return Long.compare(ids[i], ids[j]);
                }

                @Override
                protected void swap(int i, int j) {
                    long t = ids[i];
                    ids[i] = ids[j];
                    ids[j] = t;
                    t = updated[i];
                    updated[i] = updated[j];
                    updated[j] = t;
                }
            }.sort(0, k);
            return new long[][] {Arrays.copyOf(ids, k), Arrays.copyOf(updated, k)};
        } finally {
            searchers.release(searcher);
        }
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    private static FieldType grams() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.freeze();
        return type;
    }

    /** Collects the ids of the matches from their doc values, up to {@link #MAX_HITS}. */
    private static final class IdCollector extends SimpleCollector {
        private long[] ids = new long[256];
        private int count;
        private boolean overflow;
        private NumericDocValues values;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = context.reader().getNumericDocValues(ID);
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) throws IOException {
            if (count == MAX_HITS) {
                overflow = true;
                throw new CollectionTerminatedException();
            }
            if (values != null && values.advanceExact(doc)) {
                if (count == ids.length) {
                    ids = Arrays.copyOf(ids, ids.length * 2);
                }
                ids[count++] = values.longValue();
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        long[] sorted() {
            long[] result = Arrays.copyOf(ids, count);
            Arrays.sort(result);
            return result;
        }
    }
}

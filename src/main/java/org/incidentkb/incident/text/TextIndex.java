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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.InPlaceMergeSorter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.incidentkb.common.Database;
import org.incidentkb.common.KbConfig;
import org.incidentkb.incident.api.IncidentApi.CasualtyView;
import org.incidentkb.incident.api.IncidentApi.IncidentView;
import org.incidentkb.incident.model.NamedPerson;
import org.incidentkb.incident.write.IncidentsChanged;
import org.jboss.logging.Logger;

/**
 * The text index of {@code q=} on the embedded H2, which has no index for substrings (docs/adr/0016): a Lucene index
 * of the lower-cased title, locality, summary and casualty names of every incident, cut into every run of three
 * characters (trigrams, the idea of PostgreSQL's pg_trgm), with the country beside them. A text is found where its
 * trigrams stand one after the other, so a match is exactly a substring match, the same answer as
 * {@code lower(title) like '%text%'} and as PostgreSQL's trigram indexes give; {@link #ids} answers the incidents that
 * hold it, and the SQL of the list or statistic takes them as an id list instead of scanning; {@link #newest} the
 * first of them in the lists' default order (by the start date it keeps beside each id), for a page of a text alone.
 * <p>
 * The database stays the truth. The index follows every write after it commits, in the writing thread, before the
 * answer goes out (so a writer finds what it wrote); it is flushed to its directory every {@link #COMMIT_SECONDS} s
 * and at shutdown. At every start it is compared with the incidents (id and updatedAt of each) and what differs is
 * indexed again, on a thread of its own; until that is done, and whenever more than {@link #MAX_HITS} incidents
 * match, {@link #ids} answers empty and the query scans as before. An incident in the index that is no longer in the
 * database costs nothing (the SQL does not find it); one missing from the index would be missed, so every change is
 * applied only when it is newer than what the index holds.
 */
@ApplicationScoped
public class TextIndex {

    private static final Logger LOG = Logger.getLogger(TextIndex.class);
    /** More matches than this and the id list costs about what a scan does. */
    static final int MAX_HITS = 100_000;
    static final int COMMIT_SECONDS = 5;
    private static final int CHUNK = 2_000;
    /** What the documents hold and how; an index of another format is built again at the start. */
    private static final String FORMAT = "trigrams-2";
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
    private final boolean enabled;
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
    /** A write the index could not follow: it answers nothing more until the next start compares it again. */
    private volatile boolean broken;

    @Inject
    public TextIndex(DataSource dataSource, Database database, KbConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.dataSource = dataSource;
        this.enabled = config.textIndex().enabled() && !database.isPostgres();
        this.directoryPath = config.textIndex().directory().map(Path::of).or(() -> besideDatabase(url));
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index in " + directoryPath.orElse(null), e);
        }
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            thread.execute(this::catchUpLogged);
            thread.scheduleWithFixedDelay(this::commit, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
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

    /** {@code ready}, {@code catching-up} or {@code off}, for the readiness check. */
    public String state() {
        return !enabled ? "off" : broken ? "broken" : ready ? "ready" : "catching-up";
    }

    /**
     * The ids, in ascending order, of the incidents whose title, locality, summary or a casualty's name holds
     * {@code text} (lower-cased and trimmed, as {@code Like.contains}), in one of {@code countries} when any are
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
        List<String> grams = trigrams(fold(text));
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

    static String fold(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
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
        List<Entry> entries = new ArrayList<>();
        for (IncidentsChanged.Change change : changed.changes()) {
            entries.add(change.after() == null ? Entry.deleted(change.before().id()) : Entry.of(change.after()));
        }
        try {
            apply(entries);
        } catch (IOException | RuntimeException e) {
            // The write stands; the index answers no more until a start has compared it with the database again.
            broken = true;
            LOG.error("the text index could not follow a write; q scans until the next start", e);
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
                d.add(new Field(TEXT, fold(value), GRAMS));
            }
        }
    }

    /**
     * Applies entries newer than what the index holds for their incidents, and makes them visible to searches before
     * returning. Under one lock, so that two writers' entries for an incident cannot land in the wrong order.
     */
    private void apply(List<Entry> entries) throws IOException {
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
            searchers.maybeRefreshBlocking();
        } finally {
            lock.unlock();
        }
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
            searchers.maybeRefreshBlocking();
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

    private void catchUpLogged() {
        try {
            long started = System.nanoTime();
            int changed = catchUp();
            ready = true;
            commit();
            LOG.infof("text index: %d incidents indexed again in %d ms", changed,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.error("the text index could not catch up with the database; q scans", e);
        }
    }

    /**
     * Compares the index with the incidents, id by id and updatedAt by updatedAt, takes out what the database no
     * longer has and indexes again what is missing or older; returns how many it indexed or took out.
     */
    int catchUp() throws IOException, SQLException {
        long[][] held = held();
        List<Long> stale = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select id, updated_at from incident order by id")) {
            s.setFetchSize(10_000);
            try (ResultSet rows = s.executeQuery()) {
                int i = 0;
                long[] ids = held[0];
                while (rows.next()) {
                    long id = rows.getLong(1);
                    while (i < ids.length && ids[i] < id) {
                        gone.add(ids[i++]);
                    }
                    if (i < ids.length && ids[i] == id) {
                        if (held[1][i] != micros(rows.getObject(2, OffsetDateTime.class).toInstant())) {
                            stale.add(id);
                        }
                        i++;
                    } else {
                        stale.add(id);
                    }
                }
                while (i < ids.length) {
                    gone.add(ids[i++]);
                }
            }
            lock.lock();
            try {
                for (long id : gone) {
                    writer.deleteDocuments(new Term(ID, Long.toString(id)));
                }
                searchers.maybeRefreshBlocking();
            } finally {
                lock.unlock();
            }
            for (int from = 0; from < stale.size(); from += CHUNK) {
                apply(read(c, stale.subList(from, Math.min(stale.size(), from + CHUNK))));
            }
        }
        return stale.size() + gone.size();
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

    /** The entries of these incidents (ascending ids) as the database holds them now. */
    private static List<Entry> read(Connection c, List<Long> ids) throws SQLException {
        long low = ids.get(0);
        long high = ids.get(ids.size() - 1);
        Map<Long, List<String>> names = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select c.incident_id, n.name from casualty c join casualty_name n "
                + "on n.casualty_id = c.id where c.incident_id between ? and ?")) {
            s.setLong(1, low);
            s.setLong(2, high);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    names.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        Set<Long> wanted = new HashSet<>(ids);
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select id, updated_at, start_date, country_code, title, locality, summary "
                + "from incident where id between ? and ?")) {
            s.setLong(1, low);
            s.setLong(2, high);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (wanted.contains(id)) {
                        entries.add(new Entry(id, micros(rows.getObject(2, OffsetDateTime.class).toInstant()),
                                rows.getObject(3, LocalDate.class).toEpochDay(), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getString(7),
                                names.getOrDefault(id, List.of())));
                    }
                }
            }
        }
        return entries;
    }

    private static long micros(Instant t) {
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * How fast H2 itself can store incidents, without the service: creates a fresh H2 file database with the
 * service's own Flyway migrations, then inserts COUNT incidents shaped like the generator's (two participants,
 * one or two casualty records, a claim for one in five, one or two sources, a tag, an external reference) with
 * plain JDBC batches of 500 incidents, one commit each, and no parsing at all. The rate it prints is a ceiling
 * for any importer on this schema and machine.
 *
 * <pre>java -Xmx512m -cp target/quarkus-app/lib/main/com.h2database.h2-*.jar src/bench/H2InsertFloor.java COUNT [--defer-indexes]</pre>
 *
 * With {@code --defer-indexes} the secondary indexes are created after the rows (the usual bulk-load trick),
 * and the time to build them is reported too.
 */
public class H2InsertFloor {

    private static final int BATCH = 500;
    private static final String[] COUNTRIES = {"IRQ", "SYR", "AFG", "YEM", "UKR", "NGA", "SOM", "PAK", "COL", "MEX"};

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        boolean defer = args.length > 1 && args[1].equals("--defer-indexes");
        Path dir = Files.createTempDirectory(Path.of("target"), "h2-floor-");
        String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/kb;CACHE_SIZE=65536";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            List<String> deferred = migrate(c, defer);
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            insert(c, count);
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("inserted %,d incidents in %.1f s: %,.0f incidents/s%n", count, insertSeconds,
                    count / insertSeconds);
            if (defer) {
                long t1 = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    for (String ddl : deferred) {
                        st.execute(ddl);
                    }
                }
                c.commit();
                double indexSeconds = (System.nanoTime() - t1) / 1e9;
                System.out.printf("built %d secondary indexes in %.1f s; together %,.0f incidents/s%n",
                        deferred.size(), indexSeconds, count / (insertSeconds + indexSeconds));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs the service's migrations; with defer, returns the CREATE INDEX statements instead of running them. */
    private static List<String> migrate(Connection c, boolean defer) throws Exception {
        List<String> deferred = new ArrayList<>();
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            scripts = files.sorted((a, b) -> version(a) - version(b)).toList();
        }
        try (Statement st = c.createStatement()) {
            for (Path script : scripts) {
                for (String sql : Files.readString(script).replaceAll("(?m)^--.*$", "").split(";")) {
                    String ddl = sql.strip();
                    if (ddl.isEmpty()) {
                        continue;
                    }
                    boolean index = ddl.toLowerCase().startsWith("create index");
                    if (defer && index) {
                        deferred.add(ddl);
                    } else if (!(defer && ddl.toLowerCase().startsWith("drop index"))) {
                        st.execute(ddl);
                    }
                }
            }
            // V14 is a Java migration (db.migration.V14__Incident_uid): its column and index.
            st.execute("alter table incident add column uid varchar(64) not null");
            String uidIndex = "create unique index ux_incident_uid on incident (uid)";
            if (defer) {
                deferred.add(uidIndex);
            } else {
                st.execute(uidIndex);
            }
            st.execute("insert into actor (id, version, name, name_key, kind, created_at, updated_at) "
                    + "select x, 0, 'Actor ' || x, 'actor ' || x, 'ARMED_GROUP', now(), now() from system_range(1, 2000)");
            st.execute("insert into source (id, version, publisher, created_at, updated_at) "
                    + "select x, 0, 'Publisher ' || x, now(), now() from system_range(1, 100)");
        }
        return deferred;
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static void insert(Connection c, int count) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement incident = c.prepareStatement("insert into incident (id, version, title, summary, "
                + "category_code, type_code, start_date, date_precision, country_code, admin1, locality, latitude, "
                + "longitude, geo_precision, killed_low, killed_best, killed_high, injured_low, injured_best, "
                + "injured_high, claim_status, created_at, updated_at, uid) "
                + "values (?, 0, ?, ?, 'battles', 'armed-clash', ?, 'DAY', ?, ?, ?, ?, ?, 'EXACT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement participant = c.prepareStatement("insert into incident_actor values (?, ?, ?, 'CONFIRMED')");
                PreparedStatement casualty = c.prepareStatement("insert into casualty (id, version, incident_id, category, "
                        + "killed_low, killed_best, killed_high, injured_low, injured_best, injured_high, created_at, "
                        + "updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement claim = c.prepareStatement("insert into claim (id, version, incident_id, actor_id, "
                        + "stance, channel, credibility, created_at, updated_at) "
                        + "values (?, 0, ?, ?, 'CLAIMED', 'STATEMENT', 'PLAUSIBLE', ?, ?)");
                PreparedStatement source = c.prepareStatement("insert into incident_source values (?, ?)");
                PreparedStatement tag = c.prepareStatement("insert into incident_tag values (?, 'synthetic')");
                PreparedStatement ref = c.prepareStatement("insert into incident_external_ref values (?, 'SYN', ?)")) {
            List<PreparedStatement> all = List.of(incident, participant, casualty, claim, source, tag, ref);
            long casualtyId = 0;
            long claimId = 0;
            for (int id = 1; id <= count; id++) {
                int killed = random.nextInt(10);
                int injured = random.nextInt(10);
                long perpetrator = 1 + random.nextInt(2000);
                boolean claimed = random.nextInt(5) == 0;
                incident.setLong(1, id);
                incident.setString(2, "Armed clash in district " + random.nextInt(50));
                incident.setString(3, "Synthetic incident " + id + ": an armed group against civilians near a town.");
                incident.setDate(4, Date.valueOf(LocalDate.of(1990, 1, 1).plusDays(random.nextInt(13000))));
                incident.setString(5, COUNTRIES[random.nextInt(COUNTRIES.length)]);
                incident.setString(6, "Province " + random.nextInt(20));
                incident.setString(7, "District " + random.nextInt(1000));
                incident.setDouble(8, random.nextDouble() * 60);
                incident.setDouble(9, random.nextDouble() * 60);
                for (int i = 0; i < 3; i++) {
                    incident.setInt(10 + i, killed);
                    incident.setInt(13 + i, injured);
                }
                incident.setString(16, claimed ? "CLAIMED" : "NONE");
                incident.setTimestamp(17, now);
                incident.setTimestamp(18, now);
                incident.setString(19, "floor-" + id);
                incident.addBatch();
                participant.setLong(1, id);
                participant.setLong(2, perpetrator);
                participant.setString(3, "PERPETRATOR");
                participant.addBatch();
                participant.setLong(1, id);
                participant.setLong(2, 1 + (perpetrator % 1999));
                participant.setString(3, "TARGET");
                participant.addBatch();
                int records = 1 + random.nextInt(2);
                for (int r = 0; r < records; r++) {
                    casualty.setLong(1, ++casualtyId);
                    casualty.setLong(2, id);
                    casualty.setString(3, r == 0 ? "ALL" : "CIVILIAN");
                    for (int i = 0; i < 3; i++) {
                        casualty.setInt(4 + i, killed);
                        casualty.setInt(7 + i, injured);
                    }
                    casualty.setTimestamp(10, now);
                    casualty.setTimestamp(11, now);
                    casualty.addBatch();
                }
                if (claimed) {
                    claim.setLong(1, ++claimId);
                    claim.setLong(2, id);
                    claim.setLong(3, perpetrator);
                    claim.setTimestamp(4, now);
                    claim.setTimestamp(5, now);
                    claim.addBatch();
                }
                int first = 1 + random.nextInt(50);
                for (int s = 0; s < 1 + random.nextInt(2); s++) {
                    source.setLong(1, id);
                    source.setLong(2, first + 50 * s);
                    source.addBatch();
                }
                tag.setLong(1, id);
                tag.addBatch();
                ref.setLong(1, id);
                ref.setString(2, "42-" + id);
                ref.addBatch();
                if (id % BATCH == 0 || id == count) {
                    for (PreparedStatement st : all) {
                        st.executeBatch();
                    }
                    c.commit();
                }
            }
        }
    }
}

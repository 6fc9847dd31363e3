package org.incidentkb.link;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes overlapping ACLED-like, UCDP-like and GTD-like CSV files of one synthetic conflict with known truth: which
 * records are the same event. Seeded, so the same arguments give the same files.
 *
 * <p>Events happen in Iraq, most around a dozen cities, over the years asked. Each dataset records an event or misses
 * it (ACLED 90 %; UCDP 75 % of deadly organised violence; GTD 60 % of bombings, attacks on civilians and abductions,
 * 10 % of clashes), with its own coordinates (within 1.5-2 km of the event, and 1 % of records up to 8 km off), its own
 * date (UCDP a day late 20 % of the time, GTD a day early or late 10 %), its own type codes and its own spelling of
 * the perpetrator ("Islamic State (Iraq)", "ISLAMIC STATE", "Islamic State", which actor matching makes one). One
 * event in seven has a near miss: another event of the same kind the same day 6-9 km away, or at the same place 3-4
 * days later.
 *
 * <pre>java -cp target/test-classes org.incidentkb.link.OverlapGenerator EVENTS DIR [SEED] [FIRST_YEAR] [YEARS] [PREFIX] [two]</pre>
 *
 * writes DIR/acled.csv, DIR/ucdp.csv, DIR/gtd.csv and DIR/truth.csv (dataset, external id, event). With {@code two}
 * (the benchmark's mode) ACLED and UCDP each record 90 % of all events and the GTD none: two files of about the same
 * size, 1.03 records per event each.
 */
public final class OverlapGenerator {

    /** The kinds of events, as the three datasets code them. */
    enum Kind {
        CLASH("Battles", "Armed clash", 1, 2, false),
        AIR_STRIKE("Explosions/Remote violence", "Air/drone strike", 1, 0, false),
        SHELLING("Explosions/Remote violence", "Shelling/artillery/missile attack", 1, 0, false),
        BOMBING("Explosions/Remote violence", "Remote explosive/landmine/IED", 1, 3, false),
        SUICIDE("Explosions/Remote violence", "Suicide bomb", 3, 3, true),
        ATTACK("Violence against civilians", "Attack", 3, 2, false),
        ABDUCTION("Violence against civilians", "Abduction/forced disappearance", 0, 6, false);

        final String acledType;
        final String acledSubType;
        /** UCDP type_of_violence, 0 when UCDP does not record such events. */
        final int ucdp;
        /** GTD attacktype1, 0 when the GTD does not record such events. */
        final int gtd;
        final boolean suicide;

        Kind(String acledType, String acledSubType, int ucdp, int gtd, boolean suicide) {
            this.acledType = acledType;
            this.acledSubType = acledSubType;
            this.ucdp = ucdp;
            this.gtd = gtd;
            this.suicide = suicide;
        }
    }

    private static final double[][] CITIES = { { 33.3152, 44.3661 }, { 36.3350, 43.1189 }, { 35.4681, 44.3922 },
            { 33.4258, 43.2991 }, { 33.3500, 43.7833 }, { 34.6071, 43.6782 }, { 33.7466, 44.6437 }, { 30.5081, 47.7835 },
            { 34.1959, 43.8857 }, { 36.1912, 44.0092 }, { 32.0259, 44.3462 }, { 34.4333, 41.0167 } };
    private static final String[] GROUPS = { "Islamic State", "Kataib Hezbollah", "Asaib Ahl al-Haq",
            "Harakat al-Nujaba", "Ansar al-Sunna", "Jaysh al-Mahdi", "Naqshbandi Army", "Saraya Awliya al-Dam" };
    private static final String KM_PER_DEGREE = "111.195";

    /** One true event. */
    record Event(int id, Kind kind, LocalDate day, double lat, double lon, int group, int killed) {
    }

    /** The files' truth: the event of each record, by dataset and external id. */
    public record Truth(Map<String, Integer> eventOf) {
        /** The pairs of records (dataset:id) of two datasets that are one event. */
        public java.util.Set<String> pairs() {
            Map<Integer, List<String>> byEvent = new HashMap<>();
            eventOf.forEach((record, event) -> byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(record));
            java.util.Set<String> out = new java.util.HashSet<>();
            for (List<String> records : byEvent.values()) {
                for (int i = 0; i < records.size(); i++) {
                    for (int j = i + 1; j < records.size(); j++) {
                        out.add(pair(records.get(i), records.get(j)));
                    }
                }
            }
            return out;
        }
    }

    /** An unordered pair of records, as the truth keeps it. */
    public static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private final SplittableRandom random;
    private final String prefix;
    /** The benchmark's mode: ACLED and UCDP record 90 % of every event each, the GTD nothing. */
    private boolean twoDatasets;

    public OverlapGenerator(long seed, String prefix) {
        this.random = new SplittableRandom(seed);
        this.prefix = prefix;
    }

    public static void main(String[] args) throws IOException {
        int events = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        int firstYear = args.length > 3 ? Integer.parseInt(args[3]) : 2010;
        int years = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        String prefix = args.length > 5 ? args[5] : "G";
        Files.createDirectories(dir);
        OverlapGenerator generator = new OverlapGenerator(seed, prefix);
        generator.twoDatasets = args.length > 6 && args[6].equals("two");
        Truth truth = generator.write(events, LocalDate.of(firstYear, 1, 1), years, dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("truth.csv"), StandardCharsets.UTF_8)) {
            out.write("record,event\n");
            for (var e : truth.eventOf().entrySet()) {
                out.write(e.getKey() + "," + e.getValue() + "\n");
            }
        }
        System.out.println(truth.eventOf().size() + " records of " + events + " events in " + dir);
    }

    /** Writes the three files into {@code dir}; returns the truth. */
    public Truth write(int count, LocalDate first, int years, Path dir) throws IOException {
        List<Event> events = events(count, first, years * 365);
        Map<String, Integer> eventOf = new HashMap<>();
        try (BufferedWriter acled = Files.newBufferedWriter(dir.resolve("acled.csv"), StandardCharsets.UTF_8);
                BufferedWriter ucdp = Files.newBufferedWriter(dir.resolve("ucdp.csv"), StandardCharsets.UTF_8);
                BufferedWriter gtd = Files.newBufferedWriter(dir.resolve("gtd.csv"), StandardCharsets.UTF_8)) {
            acled.write("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,inter1,actor2,"
                    + "inter2,country,admin1,location,latitude,longitude,geo_precision,fatalities\n");
            ucdp.write("id,year,type_of_violence,side_a,side_b,where_prec,where_coordinates,latitude,longitude,country,"
                    + "date_prec,date_start,date_end,best,high,low\n");
            gtd.write("eventid,iyear,imonth,iday,country_txt,provstate,city,latitude,longitude,specificity,attacktype1,"
                    + "attacktype1_txt,suicide,gname,nkill\n");
            for (Event e : events) {
                String group = GROUPS[e.group()];
                if (random.nextDouble() < 0.9) {
                    double[] at = jitter(e, 1.5);
                    String id = prefix + "A" + e.id();
                    eventOf.put("ACLED:" + id, e.id());
                    acled.write(String.join(",", id, e.day().toString(), Integer.toString(e.day().getYear()), "1",
                            e.kind().acledType, e.kind().acledSubType, group + " (Iraq)", "Rebel group",
                            e.kind() == Kind.CLASH ? "Military Forces of Iraq (2020-)" : "Civilians (Iraq)",
                            e.kind() == Kind.CLASH ? "State forces" : "Civilians", "Iraq", "", "",
                            coordinate(at[0]), coordinate(at[1]), "1", Integer.toString(e.killed())) + "\n");
                }
                boolean inUcdp = twoDatasets ? random.nextDouble() < 0.9
                        : e.kind().ucdp != 0 && e.killed() > 0 && random.nextDouble() < 0.75;
                if (inUcdp) {
                    double[] at = jitter(e, 2);
                    LocalDate day = random.nextDouble() < 0.2 ? e.day().plusDays(1) : e.day();
                    String id = prefix + "U" + e.id();
                    eventOf.put("UCDP:" + id, e.id());
                    int violence = e.kind().ucdp == 0 ? 3 : e.kind().ucdp;
                    ucdp.write(String.join(",", id, Integer.toString(day.getYear()), Integer.toString(violence),
                            group.toUpperCase(java.util.Locale.ROOT), violence == 3 ? "Civilians"
                                    : "Government of Iraq",
                            "1", "", coordinate(at[0]), coordinate(at[1]), "Iraq", "1", day.toString(), day.toString(),
                            Integer.toString(e.killed()), Integer.toString(e.killed() + 2),
                            Integer.toString(Math.max(0, e.killed() - 1))) + "\n");
                }
                double gtdShare = e.kind() == Kind.CLASH ? 0.1 : 0.6;
                if (!twoDatasets && e.kind().gtd != 0 && random.nextDouble() < gtdShare) {
                    double[] at = jitter(e, 1.5);
                    double r = random.nextDouble();
                    LocalDate day = r < 0.05 ? e.day().minusDays(1) : r < 0.1 ? e.day().plusDays(1) : e.day();
                    String id = prefix + "G" + e.id();
                    eventOf.put("GTD:" + id, e.id());
                    gtd.write(String.join(",", id, Integer.toString(day.getYear()),
                            Integer.toString(day.getMonthValue()), Integer.toString(day.getDayOfMonth()), "Iraq", "",
                            "", coordinate(at[0]), coordinate(at[1]), "1", Integer.toString(e.kind().gtd),
                            e.kind().gtd == 3 ? "Bombing/Explosion" : e.kind().gtd == 6 ? "Hostage Taking (Kidnapping)"
                                    : "Armed Assault",
                            e.kind().suicide ? "1" : "0", group, Integer.toString(e.killed())) + "\n");
                }
            }
        }
        return new Truth(eventOf);
    }

    private List<Event> events(int count, LocalDate first, int days) {
        List<Event> out = new ArrayList<>(count + count / 5);
        Kind[] kinds = Kind.values();
        int id = 0;
        while (out.size() < count) {
            Kind kind = kinds[random.nextInt(kinds.length)];
            LocalDate day = first.plusDays(random.nextInt(days));
            double[] at;
            if (random.nextDouble() < 0.7) {
                double[] city = CITIES[random.nextInt(CITIES.length)];
                at = offset(city[0], city[1], random.nextDouble() * 20);
            } else {
                at = new double[] { 30 + random.nextDouble() * 6.5, 40 + random.nextDouble() * 7.5 };
            }
            int killed = random.nextDouble() < 0.15 ? 0 : 1 + random.nextInt(12);
            Event e = new Event(id++, kind, day, at[0], at[1], random.nextInt(GROUPS.length), killed);
            out.add(e);
            if (random.nextDouble() < 1.0 / 7) {
                boolean inSpace = random.nextBoolean();
                double[] near = inSpace ? offset(e.lat(), e.lon(), 6 + random.nextDouble() * 3) : new double[] { e.lat(), e.lon() };
                LocalDate when = inSpace ? day : day.plusDays(3 + random.nextInt(2));
                out.add(new Event(id++, kind, when, near[0], near[1], random.nextInt(GROUPS.length),
                        1 + random.nextInt(12)));
            }
        }
        return out;
    }

    /** A dataset's coordinates of an event: within {@code km} of it, or (1 %) up to 8 km off. */
    private double[] jitter(Event e, double km) {
        double radius = random.nextDouble() < 0.01 ? 4 + random.nextDouble() * 4 : Math.sqrt(random.nextDouble()) * km;
        return offset(e.lat(), e.lon(), radius);
    }

    /** A point {@code km} from (lat, lon) in a random direction. */
    private double[] offset(double lat, double lon, double km) {
        double bearing = random.nextDouble() * 2 * Math.PI;
        double perDegree = Double.parseDouble(KM_PER_DEGREE);
        double dLat = km * Math.cos(bearing) / perDegree;
        double dLon = km * Math.sin(bearing) / (perDegree * Math.cos(Math.toRadians(lat)));
        return new double[] { lat + dLat, lon + dLon };
    }

    private static String coordinate(double value) {
        return String.format(java.util.Locale.ROOT, "%.5f", value);
    }
}

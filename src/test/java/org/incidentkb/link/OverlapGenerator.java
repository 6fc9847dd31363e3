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

    /** One true event; {@code fold} groups the events of one dyad in one place over a few days (-1: none). */
    record Event(int id, Kind kind, LocalDate day, double lat, double lon, int group, int killed, int fold) {
        Event(int id, Kind kind, LocalDate day, double lat, double lon, int group, int killed) {
            this(id, kind, day, lat, lon, group, killed, -1);
        }
    }

    /**
     * The files' truth: the event of each record, by dataset and external id, and for a record that folds several
     * events (UCDP's), the others it stands for.
     */
    public record Truth(Map<String, Integer> eventOf, Map<String, List<Integer>> alsoOf) {

        public Truth(Map<String, Integer> eventOf) {
            this(eventOf, Map.of());
        }

        /** The pairs of records (dataset:id) of two datasets that are one event, or of which one stands for both. */
        public java.util.Set<String> pairs() {
            Map<Integer, List<String>> byEvent = new HashMap<>();
            eventOf.forEach((record, event) -> byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(record));
            alsoOf.forEach((record, events) -> events.forEach(event -> byEvent.computeIfAbsent(event,
                    e -> new ArrayList<>()).add(record)));
            java.util.Set<String> out = new java.util.HashSet<>();
            for (List<String> records : byEvent.values()) {
                for (int i = 0; i < records.size(); i++) {
                    for (int j = i + 1; j < records.size(); j++) {
                        String a = records.get(i);
                        String b = records.get(j);
                        if (!a.substring(0, a.indexOf(':')).equals(b.substring(0, b.indexOf(':')))) {
                            out.add(pair(a, b));
                        }
                    }
                }
            }
            return out;
        }

        /** How many true events the records tell of (what dedupe=events should count). */
        public long events() {
            java.util.Set<Integer> all = new java.util.HashSet<>(eventOf.values());
            alsoOf.values().forEach(all::addAll);
            return all.size();
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
    /** Files as ACLED and UCDP really make them ({@link #realistic()}). */
    private boolean realistic;

    /**
     * Makes the files as real exports are made, beside the clean jitter: ACLED places 20 % of its records near a
     * town 5-15 km off (geo_precision 2) and 5 % at the province's capital 20-80 km off (3), dates 9 % within the
     * week (time_precision 2: up to three days off) and 3 % within the month (3), splits 8 % of its events into two
     * records of two neighbourhoods the same day (the fatalities shared), and reports fatalities within a quarter of
     * the truth a third of the time; UCDP places 15 % within 25 km (where_prec 2), 7 % in the district (3, 10-50 km
     * off) and 3 % in the province (4, 20-100 km off), dates 10 % over a span of 2-7 days around the event
     * (date_prec 2-3) and 5 % over its month (4), and folds the events of one dyad in one place over a few days (a
     * tenth of them come so) into one record over their days with the fatalities added up. Busy cities: one event in
     * five has a distinct event of the same kind the same day 1.5-5 km away, by another group (a true negative).
     */
    public OverlapGenerator realistic() {
        this.realistic = true;
        return this;
    }

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
        generator.realistic = args.length > 6 && args[6].equals("real");
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
            if (realistic) {
                return writeRealistic(events, acled, ucdp, gtd);
            }
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

    private Truth writeRealistic(List<Event> events, BufferedWriter acled, BufferedWriter ucdp, BufferedWriter gtd)
            throws IOException {
        Map<String, Integer> eventOf = new HashMap<>();
        Map<String, List<Integer>> alsoOf = new HashMap<>();
        Map<Integer, List<Event>> folds = new HashMap<>();
        for (Event e : events) {
            if (e.fold() >= 0) {
                folds.computeIfAbsent(e.fold(), f -> new ArrayList<>()).add(e);
            }
        }
        for (Event e : events) {
            String group = GROUPS[e.group()];
            if (random.nextDouble() < 0.9) {
                boolean split = random.nextDouble() < 0.08;
                int parts = split ? 2 : 1;
                int first = split ? random.nextInt(e.killed() + 1) : e.killed();
                for (int part = 0; part < parts; part++) {
                    String id = prefix + "A" + e.id() + (split ? "abc".charAt(part) : "");
                    eventOf.put("ACLED:" + id, e.id());
                    double r = random.nextDouble();
                    int geo = r < 0.75 ? 1 : r < 0.95 ? 2 : 3;
                    double[] at = split ? offset(e.lat(), e.lon(), 0.5 + random.nextDouble() * 2.5)
                            : geo == 1 ? jitter(e, 1.5)
                            : offset(e.lat(), e.lon(), geo == 2 ? 5 + random.nextDouble() * 10 : 20 + random.nextDouble() * 60);
                    double t = random.nextDouble();
                    int time = t < 0.88 ? 1 : t < 0.97 ? 2 : 3;
                    LocalDate day = time == 1 ? e.day() : time == 2 ? e.day().plusDays(random.nextInt(7) - 3)
                            : e.day().withDayOfMonth(15);
                    int killed = split ? (part == 0 ? first : e.killed() - first) : noisy(e.killed());
                    acled.write(String.join(",", id, day.toString(), Integer.toString(day.getYear()),
                            Integer.toString(time), e.kind().acledType, e.kind().acledSubType, group + " (Iraq)",
                            "Rebel group", e.kind() == Kind.CLASH ? "Military Forces of Iraq (2020-)" : "Civilians (Iraq)",
                            e.kind() == Kind.CLASH ? "State forces" : "Civilians", "Iraq", "", "",
                            coordinate(at[0]), coordinate(at[1]), Integer.toString(geo), Integer.toString(killed))
                            + "\n");
                }
            }
            boolean folded = e.fold() >= 0;
            if (folded && e.fold() != e.id()) {
                continue; // UCDP recorded it with the first event of its fold
            }
            if (e.kind().ucdp != 0 && e.killed() > 0 && random.nextDouble() < 0.75) {
                String id = prefix + "U" + e.id();
                eventOf.put("UCDP:" + id, e.id());
                double r = random.nextDouble();
                int where = r < 0.75 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4;
                double[] at = where == 1 ? jitter(e, 2) : offset(e.lat(), e.lon(), switch (where) {
                    case 2 -> random.nextDouble() * 25;
                    case 3 -> 10 + random.nextDouble() * 40;
                    default -> 20 + random.nextDouble() * 80;
                });
                LocalDate start = e.day();
                LocalDate end = e.day();
                int killed = noisy(e.killed());
                int datePrec = 1;
                if (folded) {
                    List<Event> fold = folds.get(e.id());
                    alsoOf.put("UCDP:" + id, fold.stream().filter(x -> x.id() != e.id()).map(Event::id).toList());
                    for (Event x : fold) {
                        end = x.day().isAfter(end) ? x.day() : end;
                    }
                    killed = fold.stream().mapToInt(Event::killed).sum();
                    datePrec = 2;
                } else {
                    double d = random.nextDouble();
                    if (d < 0.10) {
                        datePrec = 2 + random.nextInt(2);
                        int before = random.nextInt(4);
                        start = e.day().minusDays(before);
                        end = start.plusDays(1 + before + random.nextInt(4));
                    } else if (d < 0.15) {
                        datePrec = 4;
                        start = e.day().withDayOfMonth(1);
                        end = e.day().withDayOfMonth(e.day().lengthOfMonth());
                    } else if (random.nextDouble() < 0.2) {
                        start = e.day().plusDays(1);
                        end = start;
                    }
                }
                int violence = e.kind().ucdp;
                ucdp.write(String.join(",", id, Integer.toString(start.getYear()), Integer.toString(violence),
                        group.toUpperCase(java.util.Locale.ROOT), violence == 3 ? "Civilians" : "Government of Iraq",
                        Integer.toString(where), "", coordinate(at[0]), coordinate(at[1]), "Iraq",
                        Integer.toString(datePrec), start.toString(), end.toString(), Integer.toString(killed),
                        Integer.toString(killed + 2), Integer.toString(Math.max(0, killed - 1))) + "\n");
            }
            double gtdShare = e.kind() == Kind.CLASH ? 0.1 : 0.6;
            if (e.kind().gtd != 0 && random.nextDouble() < gtdShare) {
                double[] at = jitter(e, 1.5);
                double r = random.nextDouble();
                LocalDate day = r < 0.05 ? e.day().minusDays(1) : r < 0.1 ? e.day().plusDays(1) : e.day();
                String id = prefix + "G" + e.id();
                eventOf.put("GTD:" + id, e.id());
                gtd.write(String.join(",", id, Integer.toString(day.getYear()), Integer.toString(day.getMonthValue()),
                        Integer.toString(day.getDayOfMonth()), "Iraq", "", "", coordinate(at[0]), coordinate(at[1]),
                        "1", Integer.toString(e.kind().gtd), e.kind().gtd == 3 ? "Bombing/Explosion"
                                : e.kind().gtd == 6 ? "Hostage Taking (Kidnapping)" : "Armed Assault",
                        e.kind().suicide ? "1" : "0", group, Integer.toString(noisy(e.killed()))) + "\n");
            }
        }
        return new Truth(eventOf, alsoOf);
    }

    /** A dataset's count of the killed: the truth two times in three, otherwise within a quarter of it. */
    private int noisy(int killed) {
        if (killed == 0 || random.nextDouble() < 2.0 / 3) {
            return killed;
        }
        int spread = Math.max(1, killed / 4);
        return Math.max(0, killed + random.nextInt(2 * spread + 1) - spread);
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
            if (realistic && random.nextDouble() < 0.2) {
                // a busy city: another event of the same kind the same day a few km away, by another group
                double[] near = offset(e.lat(), e.lon(), 1.5 + random.nextDouble() * 3.5);
                out.add(new Event(id++, kind, day, near[0], near[1], (e.group() + 1 + random.nextInt(GROUPS.length - 1))
                        % GROUPS.length, 1 + random.nextInt(12)));
            }
            if (realistic && kind.ucdp != 0 && random.nextDouble() < 0.04) {
                // one dyad in one place over a few days: UCDP folds these into one record
                out.set(out.size() - 1, new Event(e.id(), e.kind(), e.day(), e.lat(), e.lon(), e.group(),
                        Math.max(1, e.killed()), e.id()));
                for (int more = 1 + random.nextInt(2), k = 1; k <= more; k++) {
                    double[] near = offset(e.lat(), e.lon(), random.nextDouble() * 2);
                    out.add(new Event(id++, kind, day.plusDays(k + random.nextInt(2)), near[0], near[1], e.group(),
                            1 + random.nextInt(8), e.id()));
                }
                continue;
            }
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

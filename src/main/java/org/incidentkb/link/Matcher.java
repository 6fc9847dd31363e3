package org.incidentkb.link;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Arrays;
import org.incidentkb.incident.model.DatePrecision;
import org.incidentkb.incident.model.GeoPrecision;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the incidents of different datasets that are one event, in memory and without comparing all pairs. Each
 * incident's place is a region (its coordinates and a radius from its precision) and its date an interval (its days,
 * widened by its precision; {@link Precision}); the run's windows are tolerances on top of those. Two incidents are
 * candidates when their regions come within the spatial window of each other, their intervals within the temporal
 * window, they are of different datasets and their types agree to the level asked.
 * <p>
 * The search never compares all pairs: the incidents are grouped into tiers of like precision (how wide the region,
 * how long the interval), and each tier sorted into cells of one start day by one latitude band, longitude ascending
 * within a cell; an incident's candidates in a tier are the cells of the days its interval (with the window) reaches
 * and of the bands its region reaches. The few wide records (districts, provinces, months) are their own tiers, so
 * they never widen the search of the many precise ones.
 * <p>
 * A candidate gets a score from its evidence ({@link #score}); those below the run's threshold are dropped. Then the
 * pairs are taken best score first: two records equally precise take at most one partner from each other dataset;
 * between a coarser record (a wider region, a longer interval) and finer ones the coarser may stand for several (an
 * event UCDP folds over days, or ACLED splits in two neighbourhoods), as many as its fatalities leave room for, the
 * finer one still taking one partner in the coarser's dataset.
 */
final class Matcher {

    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;
    /** The most records of one other dataset a coarser record stands for. */
    static final int MOST_PARTS = 5;

    /** The windows of a run: distance (km), days apart, how far the types must agree, and the lowest score kept. */
    record Windows(double km, int days, Link.TypeMatch level, double minScore) {
    }

    /** A proposed pair (indexes into the incidents) and its evidence, with what of it carried the score. */
    record Pair(int a, int b, double score, double distanceKm, int daysApart, Link.TypeMatch typeMatch,
            long[] sharedActors, List<String> carriedBy) {
    }

    /** The pieces of evidence that raise a score, as {@link #carried} names them. */
    private static final String[] CARRIED = { "near", "same day", "dates overlap", "same type", "same category",
            "shared actor", "agreeing fatalities" };

    /** The names of the evidence bits set (by {@link #CARRIED} position). */
    static List<String> carried(int bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CARRIED.length; i++) {
            if ((bits & 1 << i) != 0) {
                out.add(CARRIED[i]);
            }
        }
        return out;
    }

    record Result(List<Pair> pairs, long compared) {
    }

    /**
     * The incidents a run compares, by column and in id order: the dataset (an index into {@link #DATASETS}), the
     * first and last day of the interval the incident may have happened in, the coordinates and the radius of the
     * region it may have happened in, the kinds ({@link MatchingTaxonomy}), the best estimate of the killed (-1 when
     * unknown), the actors (those of incident k are {@code actors[actorStart[k]] .. actors[actorStart[k + 1] - 1]},
     * ascending), and whether it is in the run's focus (only pairs with at least one incident in focus are compared).
     */
    record Incidents(long[] id, byte[] dataset, int[] first, int[] last, double[] lat, double[] lon, float[] radius,
            int[] kinds, int[] killed, int[] actorStart, long[] actors, boolean[] focus) {

        int size() {
            return id.length;
        }

        int indexOf(long incidentId) {
            return Arrays.binarySearch(id, incidentId);
        }
    }

    static final List<String> DATASETS = List.of("ACLED", "UCDP", "GTD");

    /**
     * What a record's precision says about where and when it happened. Its place: EXACT within
     * {@value #EXACT_KM} km of its coordinates (the datasets' own jitter), NEAR within {@value #NEAR_KM} km (UCDP's
     * where_prec 2; ACLED's geo_precision 2, a nearby town), ADMIN2 its district, ADMIN1 its province: radii of
     * {@value #DISTRICT_KM} and {@value #PROVINCE_KM} km until districts and provinces have shapes; a record placed
     * only in its country is not matched. Its date: the day (or its start to end), a week around it (ACLED's
     * time_precision 2, UCDP's date_prec 2-3), or its month; a record dated only by its year, or over more than
     * {@value #LONGEST_DAYS} days, is not matched.
     */
    static final class Precision {
        static final double EXACT_KM = 2;
        static final double NEAR_KM = 25;
        static final double DISTRICT_KM = 60;
        static final double PROVINCE_KM = 150;
        static final int LONGEST_DAYS = 62;

        private Precision() {
        }

        static boolean matchable(GeoPrecision geo) {
            return geo != GeoPrecision.COUNTRY;
        }

        static double radiusKm(GeoPrecision geo) {
            return switch (geo) {
                case EXACT -> EXACT_KM;
                case NEAR -> NEAR_KM;
                case ADMIN2 -> DISTRICT_KM;
                case ADMIN1, COUNTRY -> PROVINCE_KM;
            };
        }

        /** The first and last epoch day it may have happened on; null when too vague to match. */
        static int[] days(LocalDate start, LocalDate end, DatePrecision precision) {
            LocalDate last = end == null || end.isBefore(start) ? start : end;
            int[] days = switch (precision) {
                case DAY -> new int[] { (int) start.toEpochDay(), (int) last.toEpochDay() };
                case WEEK -> new int[] { (int) start.toEpochDay() - 3, (int) last.toEpochDay() + 3 };
                case MONTH -> new int[] { (int) start.withDayOfMonth(1).toEpochDay(),
                        (int) last.withDayOfMonth(last.lengthOfMonth()).toEpochDay() };
                case YEAR -> null;
            };
            return days == null || days[1] - days[0] > LONGEST_DAYS ? null : days;
        }

        /** The tier of like precision: the place's class (0 to 3), then the interval's (0 to 2). */
        static int tier(Incidents in, int k) {
            float r = in.radius()[k];
            int place = r <= EXACT_KM ? 0 : r <= NEAR_KM ? 1 : r <= DISTRICT_KM ? 2 : 3;
            int span = in.last()[k] - in.first()[k];
            int time = span <= 1 ? 0 : span <= 7 ? 1 : 2;
            return place * 3 + time;
        }

        static final int TIERS = 12;

        /** Whether tier {@code x} is coarser than {@code y} in place or time and finer in neither. */
        static boolean coarser(int x, int y) {
            return x != y && x / 3 >= y / 3 && x % 3 >= y % 3;
        }
    }

    private Matcher() {
    }

    /** One tier's incidents, sorted by (start day, latitude band, longitude). */
    private static final class Tier {
        final int[] order;
        final long[] key;
        final double[] lon;
        final double cellDegrees;
        final int longestSpan;
        final float widest;

        Tier(Incidents in, int[] members, double cellKm) {
            int n = members.length;
            cellDegrees = Math.max(cellKm, 0.1) / KM_PER_DEGREE;
            long[] keys = new long[n];
            int span = 0;
            float radius = 0;
            for (int m = 0; m < n; m++) {
                int k = members[m];
                keys[m] = cell(in.first()[k], band(in.lat()[k], cellDegrees));
                span = Math.max(span, in.last()[k] - in.first()[k]);
                radius = Math.max(radius, in.radius()[k]);
            }
            longestSpan = span;
            widest = radius;
            Integer[] boxed = new Integer[n];
            for (int m = 0; m < n; m++) {
                boxed[m] = m;
            }
            Arrays.sort(boxed, Comparator.<Integer>comparingLong(m -> keys[m])
                    .thenComparingDouble(m -> in.lon()[members[m]]));
            order = new int[n];
            key = new long[n];
            lon = new double[n];
            for (int s = 0; s < n; s++) {
                order[s] = members[boxed[s]];
                key[s] = keys[boxed[s]];
                lon[s] = in.lon()[order[s]];
            }
        }
    }

    /**
     * @param blocked pairs never to propose (already decided: confirmed or rejected), as {@link PairKey}
     * @param partners for each incident, the datasets (bits by {@link #DATASETS} index) it already has a confirmed
     *            partner in; updated as pairs are taken
     */
    static Result match(Incidents in, Windows w, Set<PairKey> blocked, byte[] partners) {
        int n = in.size();
        int[] tierOf = new int[n];
        int[] sizes = new int[Precision.TIERS];
        for (int k = 0; k < n; k++) {
            tierOf[k] = Precision.tier(in, k);
            sizes[tierOf[k]]++;
        }
        int[][] members = new int[Precision.TIERS][];
        for (int t = 0; t < Precision.TIERS; t++) {
            members[t] = new int[sizes[t]];
        }
        int[] filled = new int[Precision.TIERS];
        for (int k = 0; k < n; k++) {
            members[tierOf[k]][filled[tierOf[k]]++] = k;
        }
        Tier[] tiers = new Tier[Precision.TIERS];
        for (int t = 0; t < Precision.TIERS; t++) {
            if (sizes[t] > 0) {
                float widest = 0;
                for (int k : members[t]) {
                    widest = Math.max(widest, in.radius()[k]);
                }
                tiers[t] = new Tier(in, members[t], w.km() + 2 * widest);
            }
        }

        Candidates found = new Candidates();
        long compared = 0;
        for (int q = 0; q < Precision.TIERS; q++) {
            for (int t = q; t < Precision.TIERS; t++) {
                if (tiers[q] == null || tiers[t] == null) {
                    continue;
                }
                for (int a : members[q]) {
                    compared += search(in, w, blocked, tiers[t], a, q == t, found);
                }
            }
        }

        List<Pair> pairs = new ArrayList<>();
        Parts parts = new Parts(in);
        for (int p : found.bestFirst()) {
            int a = found.a[p];
            int b = found.b[p];
            int coarse = Precision.coarser(tierOf[a], tierOf[b]) ? a : Precision.coarser(tierOf[b], tierOf[a]) ? b : -1;
            boolean taken = coarse < 0 ? parts.takeEqual(a, b, partners, w) : parts.takeCoarse(coarse,
                    coarse == a ? b : a, partners);
            if (taken) {
                double km = found.km[p];
                pairs.add(new Pair(a, b, found.score[p], Math.round(km * 100) / 100.0, found.days[p],
                        MatchingTaxonomy.agreement(in.kinds()[a], in.kinds()[b]), shared(in, a, b),
                        carried(found.carried[p])));
            }
        }
        return new Result(pairs, compared);
    }

    /**
     * Who stands for whom, as pairs are taken best first: each record's first partner in each other dataset, how many
     * parts a record stands for in each, and how many of its killed those parts leave unaccounted.
     */
    private static final class Parts {
        private final Incidents in;
        private final int[][] first;
        private final int[][] count;
        private final int[][] room;

        Parts(Incidents in) {
            this.in = in;
            int n = in.size();
            first = new int[n][DATASETS.size()];
            count = new int[n][DATASETS.size()];
            room = new int[n][DATASETS.size()];
            for (int k = 0; k < n; k++) {
                Arrays.fill(first[k], -1);
                Arrays.fill(room[k], in.killed()[k]);
            }
        }

        /**
         * Two records equally precise: each takes one partner in the other's dataset, unless the second is, with
         * the first, the two parts of one event the dataset split (ACLED's two neighbourhoods): the same days, close
         * to each other, both naming an actor of the whole, and their killed adding up to the whole's.
         */
        boolean takeEqual(int a, int b, byte[] partners, Windows w) {
            int da = in.dataset()[a];
            int db = in.dataset()[b];
            boolean freeA = (partners[a] & 1 << db) == 0;
            boolean freeB = (partners[b] & 1 << da) == 0;
            if (freeA && freeB) {
                mark(a, b, partners);
                mark(b, a, partners);
                return true;
            }
            if (freeB && first[a][db] >= 0 && splits(a, first[a][db], b, w) && count[a][db] < MOST_PARTS) {
                mark(a, b, partners);
                mark(b, a, partners);
                return true;
            }
            if (freeA && first[b][da] >= 0 && splits(b, first[b][da], a, w) && count[b][da] < MOST_PARTS) {
                mark(a, b, partners);
                mark(b, a, partners);
                return true;
            }
            return false;
        }

        /**
         * A coarser record and a finer one: the finer takes one partner in the coarser's dataset; the coarser stands
         * for up to {@link #MOST_PARTS} of each other dataset, as long as their killed fit in its own.
         */
        boolean takeCoarse(int coarse, int fine, byte[] partners) {
            int dc = in.dataset()[coarse];
            int df = in.dataset()[fine];
            int killed = in.killed()[fine];
            boolean fits = room[coarse][df] < 0 || killed < 0 || count[coarse][df] == 0
                    || killed <= room[coarse][df] + Math.max(1, in.killed()[coarse] / 4);
            if ((partners[fine] & 1 << dc) != 0 || count[coarse][df] >= MOST_PARTS || !fits) {
                return false;
            }
            mark(fine, coarse, partners);
            mark(coarse, fine, partners);
            return true;
        }

        private boolean splits(int whole, int part, int other, Windows w) {
            if (in.first()[part] != in.first()[other] || in.last()[part] != in.last()[other]
                    || distanceKm(in.lat()[part], in.lon()[part], in.lat()[other], in.lon()[other])
                            > 2 * (w.km() + Precision.EXACT_KM)
                    || sharedCount(in, whole, part) == 0 || sharedCount(in, whole, other) == 0) {
                return false;
            }
            int kw = in.killed()[whole];
            int k1 = in.killed()[part];
            int k2 = in.killed()[other];
            return kw < 0 || k1 < 0 || k2 < 0 || Math.abs(k1 + k2 - kw) <= Math.max(1, kw / 4);
        }

        private void mark(int k, int partner, byte[] partners) {
            int d = in.dataset()[partner];
            partners[k] |= (byte) (1 << d);
            if (first[k][d] < 0) {
                first[k][d] = partner;
            }
            count[k][d]++;
            if (room[k][d] >= 0 && in.killed()[partner] >= 0) {
                room[k][d] = Math.max(0, room[k][d] - in.killed()[partner]);
            }
        }
    }

    /** The candidates of incident {@code a} in a tier; returns how many it compared. */
    private static long search(Incidents in, Windows w, Set<PairKey> blocked, Tier tier, int a, boolean sameTier,
            Candidates found) {
        double lat = in.lat()[a];
        double lon = in.lon()[a];
        double reach = w.km() + in.radius()[a] + tier.widest;
        int band = band(lat, tier.cellDegrees);
        int bands = (int) Math.ceil(reach / (tier.cellDegrees * KM_PER_DEGREE));
        double reachDegrees = reach / KM_PER_DEGREE;
        double cos = Math.max(Math.cos(Math.toRadians(Math.min(89.9, Math.abs(lat) + reachDegrees))), 1e-6);
        double lonWindow = reach / (KM_PER_DEGREE * cos);
        long compared = 0;
        for (int d = in.first()[a] - w.days() - tier.longestSpan; d <= in.last()[a] + w.days(); d++) {
            for (int b2 = band - bands; b2 <= band + bands; b2++) {
                long cell = cell(d, b2);
                for (int s = first(tier.key, tier.lon, cell, lon - lonWindow); s < tier.key.length
                        && tier.key[s] == cell && tier.lon[s] <= lon + lonWindow; s++) {
                    int b = tier.order[s];
                    if (in.dataset()[a] == in.dataset()[b] || !(in.focus()[a] || in.focus()[b])
                            || sameTier && in.id()[b] <= in.id()[a] || in.last()[b] + w.days() < in.first()[a]) {
                        continue; // each unordered pair once: from its lower id within a tier, from the finer tier
                    }
                    compared++;
                    double km = distanceKm(lat, lon, in.lat()[b], in.lon()[b]);
                    double pairReach = w.km() + in.radius()[a] + in.radius()[b];
                    if (km > pairReach) {
                        continue;
                    }
                    Link.TypeMatch agree = MatchingTaxonomy.agreement(in.kinds()[a], in.kinds()[b]);
                    if (agree.compareTo(w.level()) > 0 || blocked.contains(new PairKey(in.id()[a], in.id()[b]))) {
                        continue;
                    }
                    int gap = Math.max(0, Math.max(in.first()[b] - in.last()[a], in.first()[a] - in.last()[b]));
                    boolean sameDay = in.first()[a] == in.last()[a] && in.first()[b] == in.last()[b]
                            && in.first()[a] == in.first()[b];
                    int shared = sharedCount(in, a, b);
                    double score = score(km / pairReach, gap, w.days(), sameDay, agree, shared, in.killed()[a],
                            in.killed()[b]);
                    if (score >= w.minScore()) {
                        int carried = (km / pairReach < 0.3 ? 1 : 0) | (sameDay ? 2 : gap == 0 ? 4 : 0)
                                | (agree == Link.TypeMatch.TYPE ? 8 : agree == Link.TypeMatch.CATEGORY ? 16 : 0)
                                | (shared > 0 ? 32 : 0) | (figures(in.killed()[a], in.killed()[b]) > 0 ? 64 : 0);
                        // each pair from its lower id to its higher (a link's from and to)
                        found.add(in.id()[a] < in.id()[b] ? a : b, in.id()[a] < in.id()[b] ? b : a, score, km, gap,
                                carried);
                    }
                }
            }
        }
        return compared;
    }

    /**
     * The score, 0 to 1, of a candidate's evidence, as the logistic of: the distance against the regions' reach (0
     * where the coordinates meet, 1 at the edge: -3.5 per unit), the days between the intervals against the window
     * (-1.5 per window; +0.8 for one and the same day), the types (+1 the same kind, +0.3 the same class, -0.5 not
     * compared), an actor in common (+1.2), and the fatalities (+0.8 when both known and within a quarter of each
     * other, -1 when far apart; nothing when either is unknown), from +1. Rounded to three decimals. The default
     * threshold ({@link MatchingRequest#DEFAULT_MIN_SCORE}) maximises F1 on the realistic generator.
     */
    static double score(double reachUsed, int gapDays, int windowDays, boolean sameDay, Link.TypeMatch agree,
            int sharedActors, int killedA, int killedB) {
        double z = 1.0 - 3.5 * reachUsed - 1.5 * gapDays / (windowDays + 1.0) + (sameDay ? 0.8 : 0)
                + (agree == Link.TypeMatch.TYPE ? 1 : agree == Link.TypeMatch.CATEGORY ? 0.3 : -0.5)
                + (sharedActors > 0 ? 1.2 : 0) + figures(killedA, killedB);
        return Math.round(1000 / (1 + Math.exp(-z))) / 1000.0;
    }

    /** Agreeing fatalities are evidence; unknown ones are not. */
    private static double figures(int a, int b) {
        if (a < 0 || b < 0) {
            return 0;
        }
        int diff = Math.abs(a - b);
        double tolerance = Math.max(1, 0.25 * Math.max(a, b));
        return diff <= tolerance ? 0.8 : diff > 3 * tolerance && diff > 3 ? -1 : 0;
    }

    /** Great-circle distance (haversine). */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** An unordered pair of incident ids. */
    record PairKey(long low, long high) {
        PairKey {
            if (low > high) {
                long t = low;
                low = high;
                high = t;
            }
        }
    }

    private static int band(double lat, double cellDegrees) {
        return (int) Math.floor((lat + 90) / cellDegrees);
    }

    private static long cell(int day, int band) {
        return ((long) day << 24) + band;
    }

    /** The first position whose cell is {@code cell} and longitude at least {@code lon} (or past the cell). */
    private static int first(long[] keys, double[] lons, long cell, double lon) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < cell || keys[mid] == cell && lons[mid] < lon) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int sharedCount(Incidents in, int a, int b) {
        int i = in.actorStart()[a];
        int iEnd = in.actorStart()[a + 1];
        int j = in.actorStart()[b];
        int jEnd = in.actorStart()[b + 1];
        int count = 0;
        while (i < iEnd && j < jEnd) {
            long x = in.actors()[i];
            long y = in.actors()[j];
            if (x == y) {
                count++;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return count;
    }

    private static long[] shared(Incidents in, int a, int b) {
        long[] out = new long[sharedCount(in, a, b)];
        int i = in.actorStart()[a];
        int j = in.actorStart()[b];
        int k = 0;
        while (k < out.length) {
            long x = in.actors()[i];
            long y = in.actors()[j];
            if (x == y) {
                out[k++] = x;
                i++;
                j++;
            } else if (x < y) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }

    /** The candidate pairs, by column, growing as found. */
    private static final class Candidates {
        int[] a = new int[1024];
        int[] b = new int[1024];
        double[] score = new double[1024];
        double[] km = new double[1024];
        int[] days = new int[1024];
        int[] carried = new int[1024];
        int size;

        void add(int x, int y, double s, double distance, int d, int evidence) {
            if (size == a.length) {
                int grown = a.length * 2;
                a = Arrays.copyOf(a, grown);
                b = Arrays.copyOf(b, grown);
                score = Arrays.copyOf(score, grown);
                km = Arrays.copyOf(km, grown);
                days = Arrays.copyOf(days, grown);
                carried = Arrays.copyOf(carried, grown);
            }
            a[size] = x;
            b[size] = y;
            score[size] = s;
            km[size] = distance;
            days[size] = d;
            carried[size] = evidence;
            size++;
        }

        /**
         * The candidates best first: higher score, then nearer, then closer in time, then found first. Sorted as
         * packed longs (score in thousandths, distance in metres up to 131 km, days, position), not as objects.
         */
        int[] bestFirst() {
            long[] packed = new long[size];
            for (int p = 0; p < size; p++) {
                long worse = 1000 - Math.round(score[p] * 1000); // 10 bits
                long metres = Math.min((1L << 17) - 1, Math.round(km[p] * 1000)); // 17 bits
                packed[p] = worse << 53 | metres << 36 | (long) Math.min(days[p], 31) << 31 | p;
            }
            Arrays.sort(packed);
            int[] out = new int[size];
            for (int p = 0; p < size; p++) {
                out[p] = (int) (packed[p] & 0x7FFF_FFFFL);
            }
            return out;
        }
    }
}

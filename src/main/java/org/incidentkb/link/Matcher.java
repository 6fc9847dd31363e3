package org.incidentkb.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the incidents of different datasets that are one event, in memory and without comparing all pairs: the
 * incidents are sorted into cells of one day by one latitude band as tall as the spatial window, longitude ascending
 * within a cell, so an incident's candidates are the few cells of the days within the temporal window and the
 * neighbouring bands, and within a cell the run of longitudes within the window. A candidate within both windows (great
 * circle distance), of another dataset and whose type agrees to the level asked, gets a score; then the pairs are
 * taken best score first (ties: nearer, then closer in time), each incident taking at most one partner from each
 * other dataset.
 */
final class Matcher {

    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

    /** The windows of a run: distance (km), days apart, and how far the types must agree. */
    record Windows(double km, int days, Link.TypeMatch level) {
    }

    /** A proposed pair (indexes into the incidents) and its evidence. */
    record Pair(int a, int b, double score, double distanceKm, int daysApart, Link.TypeMatch typeMatch,
            long[] sharedActors) {
    }

    record Result(List<Pair> pairs, long compared) {
    }

    /**
     * The incidents a run compares, by column and in id order: the dataset (an index into {@link #DATASETS}), the
     * start day, the coordinates, the kinds ({@link MatchingTaxonomy}), the actors (those of incident k are
     * {@code actors[actorStart[k]] .. actors[actorStart[k + 1] - 1]}, ascending), and whether it is in the run's
     * focus (only pairs with at least one incident in focus are compared).
     */
    record Incidents(long[] id, byte[] dataset, int[] day, double[] lat, double[] lon, int[] kinds, int[] actorStart,
            long[] actors, boolean[] focus) {

        int size() {
            return id.length;
        }

        int indexOf(long incidentId) {
            return Arrays.binarySearch(id, incidentId);
        }
    }

    static final List<String> DATASETS = List.of("ACLED", "UCDP", "GTD");

    private Matcher() {
    }

    /**
     * @param blocked pairs never to propose (already decided: confirmed or rejected), as {@link #pairKey}
     * @param partners for each incident, the datasets (bits by {@link #DATASETS} index) it already has a confirmed
     *            partner in; updated as pairs are taken
     */
    static Result match(Incidents in, Windows w, Set<PairKey> blocked, byte[] partners) {
        int n = in.size();
        double cellDegrees = Math.max(w.km(), 0.1) / KM_PER_DEGREE;
        long[] key = new long[n];
        for (int k = 0; k < n; k++) {
            key[k] = cell(in.day()[k], band(in.lat()[k], cellDegrees));
        }
        Integer[] boxed = new Integer[n];
        for (int k = 0; k < n; k++) {
            boxed[k] = k;
        }
        Arrays.sort(boxed, Comparator.<Integer>comparingLong(k -> key[k]).thenComparingDouble(k -> in.lon()[k]));
        int[] order = new int[n];
        long[] sortedKey = new long[n];
        double[] sortedLon = new double[n];
        for (int s = 0; s < n; s++) {
            order[s] = boxed[s];
            sortedKey[s] = key[order[s]];
            sortedLon[s] = in.lon()[order[s]];
        }
        boxed = null;

        Candidates found = new Candidates();
        long compared = 0;
        for (int a = 0; a < n; a++) {
            double lat = in.lat()[a];
            double lon = in.lon()[a];
            int band = band(lat, cellDegrees);
            double cos = Math.max(Math.cos(Math.toRadians(Math.min(89.9, Math.abs(lat) + cellDegrees))), 1e-6);
            double lonWindow = w.km() / (KM_PER_DEGREE * cos);
            for (int d = in.day()[a] - w.days(); d <= in.day()[a] + w.days(); d++) {
                for (int b2 = band - 1; b2 <= band + 1; b2++) {
                    long cell = cell(d, b2);
                    for (int s = first(sortedKey, sortedLon, cell, lon - lonWindow); s < n && sortedKey[s] == cell
                            && sortedLon[s] <= lon + lonWindow; s++) {
                        int b = order[s];
                        if (in.dataset()[a] == in.dataset()[b] || !(in.focus()[a] || in.focus()[b])
                                || in.id()[b] <= in.id()[a]) {
                            continue; // each unordered pair once, from its lower id
                        }
                        compared++;
                        double km = distanceKm(lat, lon, in.lat()[b], in.lon()[b]);
                        if (km > w.km()) {
                            continue;
                        }
                        Link.TypeMatch agree = MatchingTaxonomy.agreement(in.kinds()[a], in.kinds()[b]);
                        if (agree.compareTo(w.level()) > 0 || blocked.contains(new PairKey(in.id()[a], in.id()[b]))) {
                            continue;
                        }
                        int days = Math.abs(in.day()[a] - in.day()[b]);
                        int shared = sharedCount(in, a, b);
                        found.add(a, b, score(km, days, agree, shared, w), km, days);
                    }
                }
            }
        }

        List<Pair> pairs = new ArrayList<>();
        for (int p : found.bestFirst()) {
            int a = found.a[p];
            int b = found.b[p];
            int bitA = 1 << in.dataset()[a];
            int bitB = 1 << in.dataset()[b];
            if ((partners[a] & bitB) != 0 || (partners[b] & bitA) != 0) {
                continue;
            }
            partners[a] |= (byte) bitB;
            partners[b] |= (byte) bitA;
            double km = found.km[p];
            pairs.add(new Pair(a, b, found.score[p], Math.round(km * 100) / 100.0, found.days[p],
                    MatchingTaxonomy.agreement(in.kinds()[a], in.kinds()[b]), shared(in, a, b)));
        }
        return new Result(pairs, compared);
    }

    /**
     * The score, 0 to 1: nearness in space (0.35) and in time (0.25), type agreement (0.2 for the same kind, 0.1 for
     * the same class) and shared actors (0.2 when the two name an actor in common). Rounded to three decimals.
     */
    static double score(double km, int days, Link.TypeMatch agree, int sharedActors, Windows w) {
        double space = w.km() <= 0 ? 1 : 1 - km / w.km();
        double time = 1 - (double) days / (w.days() + 1);
        double type = agree == Link.TypeMatch.TYPE ? 1 : agree == Link.TypeMatch.CATEGORY ? 0.5 : 0;
        double s = 0.35 * space + 0.25 * time + 0.2 * type + (sharedActors > 0 ? 0.2 : 0);
        return Math.round(s * 1000) / 1000.0;
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
        int size;

        void add(int x, int y, double s, double distance, int d) {
            if (size == a.length) {
                int grown = a.length * 2;
                a = Arrays.copyOf(a, grown);
                b = Arrays.copyOf(b, grown);
                score = Arrays.copyOf(score, grown);
                km = Arrays.copyOf(km, grown);
                days = Arrays.copyOf(days, grown);
            }
            a[size] = x;
            b[size] = y;
            score[size] = s;
            km[size] = distance;
            days[size] = d;
            size++;
        }

        /**
         * The candidates best first: higher score, then nearer, then closer in time, then found first. Sorted as
         * packed longs (score in thousandths, distance in metres up to 100 km, days, position), not as objects.
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

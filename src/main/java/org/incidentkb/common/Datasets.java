package org.incidentkb.common;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/** The conflict datasets the KB imports, by the name their external references carry. */
public final class Datasets {

    public static final String ACLED = "ACLED";
    public static final String UCDP = "UCDP";
    public static final String GTD = "GTD";

    private static final Set<String> KNOWN = Set.of(ACLED, UCDP, GTD);

    private Datasets() {
    }

    /**
     * The datasets a filter names (comma-separated or repeated, any case), each one of those the KB imports: any
     * other name is a 400 naming the parameter, never a filter that silently matches nothing.
     */
    public static Set<String> parse(String parameter, java.util.List<String> raw) {
        return Params.mapEach(Params.values(raw), d -> {
            String name = d.toUpperCase(java.util.Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw ProblemException.invalid(parameter, "'" + Params.clip(d) + "' is not a dataset this knowledge "
                        + "base imports; one of " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            return name;
        });
    }

    /**
     * Where a record came from: the dataset its external references name, when they all name one of the datasets the
     * KB imports; null for a record entered through the API, or one whose references name several datasets.
     */
    public static <R> String origin(Collection<R> refs, Function<R, String> dataset) {
        String origin = null;
        for (R ref : refs) {
            String name = dataset.apply(ref);
            if (!KNOWN.contains(name) || (origin != null && !origin.equals(name))) {
                return null;
            }
            origin = name;
        }
        return origin;
    }
}

package org.incidentkb.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The representations a list can be read in, chosen by {@code format=} or else by the Accept header. */
public enum Format {
    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", Format.CSV_TYPE),
    GEOJSON("geojson", Format.GEOJSON_TYPE),
    NDJSON("ndjson", Format.NDJSON_TYPE);

    public static final String CSV_TYPE = "text/csv";
    public static final String GEOJSON_TYPE = "application/geo+json";
    public static final String NDJSON_TYPE = "application/x-ndjson";

    public final String param;
    public final String mediaType;

    Format(String param, String mediaType) {
        this.param = param;
        this.mediaType = mediaType;
    }

    /**
     * The format a request asks for among {@code offered}: {@code format=} wins; otherwise the first acceptable
     * media type, in the client's order of preference, that one of them matches; JSON for a wildcard.
     */
    public static Format choose(String formatParam, HttpHeaders headers, Set<Format> offered) {
        if (formatParam != null && !formatParam.isBlank()) {
            String wanted = formatParam.trim().toLowerCase(Locale.ROOT);
            return offered.stream().filter(f -> f.param.equals(wanted)).findFirst().orElseThrow(
                    () -> ProblemException.invalid("format", "'" + formatParam + "' is not one of "
                            + offered.stream().map(f -> f.param).sorted().collect(Collectors.joining(", ", "[", "]"))));
        }
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType()) {
                return JSON;
            }
            for (Format f : Arrays.stream(values()).filter(offered::contains).toList()) {
                if (acceptable.isCompatible(MediaType.valueOf(f.mediaType))) {
                    return f;
                }
            }
        }
        return JSON;
    }
}

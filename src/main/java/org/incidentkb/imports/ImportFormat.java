package org.incidentkb.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.incidentkb.common.Datasets;
import org.incidentkb.common.ProblemException;

/** The files an import reads, with the dataset name their external references carry and their usual charset. */
public enum ImportFormat {
    GTD("gtd", Datasets.GTD, "eventid", Charset.forName("windows-1252")),
    ACLED("acled", Datasets.ACLED, "event_id_cnty", StandardCharsets.UTF_8),
    UCDP_GED("ucdp-ged", Datasets.UCDP, "id", StandardCharsets.UTF_8),
    NDJSON("ndjson", null, null, StandardCharsets.UTF_8);

    public final String param;
    /** The dataset of the external references this format's rows carry (NDJSON rows carry their own). */
    public final String dataset;
    /** The CSV column holding the row's id in the dataset, which every export of the format has. */
    public final String idColumn;
    /** The charset used when the request's Content-Type names none (the GTD is distributed in Windows-1252). */
    public final Charset defaultCharset;

    ImportFormat(String param, String dataset, String idColumn, Charset defaultCharset) {
        this.param = param;
        this.dataset = dataset;
        this.idColumn = idColumn;
        this.defaultCharset = defaultCharset;
    }

    public boolean isCsv() {
        return this != NDJSON;
    }

    public static ImportFormat of(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("format", "is required: one of " + names());
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.param.equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("format", "'" + value + "' is not one of " + names()));
    }

    static String names() {
        return Arrays.stream(values()).map(f -> f.param).collect(Collectors.joining(", "));
    }
}

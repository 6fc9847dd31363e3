package org.incidentkb.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.incidentkb.common.Countries;
import org.incidentkb.common.Figures;
import org.incidentkb.incident.model.GeoPrecision;
import org.incidentkb.incident.model.Location;

/** Reads the columns of one CSV row: blanks are null, and the datasets' codes for "unknown" are never numbers. */
final class Columns {

    private static final DateTimeFormatter DAY_MONTH_YEAR = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d[-][ ]MMMM[-][ ]uuuu").toFormatter(Locale.ENGLISH);

    private final Map<String, String> row;

    Columns(Map<String, String> row) {
        this.row = row;
    }

    /** The trimmed text of a column; null when blank or absent. */
    String text(String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }

    String required(String column) {
        String v = text(column);
        if (v == null) {
            throw new RowException(column + " is required");
        }
        return v;
    }

    /** A whole number; null when blank or negative (GTD's -9 and -99 mean unknown). Decimals like "3.0" are read. */
    Integer count(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d < 0) {
                return null;
            }
            if (d != Math.rint(d) || d > Integer.MAX_VALUE) {
                throw new RowException(column + " '" + v + "' is not a whole number");
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new RowException(column + " '" + v + "' is not a number");
        }
    }

    Integer code(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return (int) Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new RowException(column + " '" + v + "' is not a code number");
        }
    }

    boolean flag(String column) {
        Integer c = code(column);
        return c != null && c == 1;
    }

    Double decimal(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new RowException(column + " '" + v + "' is not a number");
        }
    }

    /** A date as 2024-01-16 (a time after it is ignored) or 16 January 2024. */
    LocalDate date(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() >= 10 && Character.isDigit(v.charAt(0)) && v.charAt(4) == '-') {
                return LocalDate.parse(v.substring(0, 10));
            }
            return LocalDate.parse(v, DAY_MONTH_YEAR);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new RowException(column + " '" + v + "' is not a date (2024-01-16 or 16 January 2024)");
        }
    }

    /** The ISO 3166-1 alpha-3 code of the country a column names; a name this service does not know fails the row. */
    String country(String column) {
        String name = text(column);
        return name == null ? null : Countries.resolve(name).orElseThrow(
                () -> new RowException(column + " '" + name + "' is not a country this service knows"));
    }

    /** A location from the row: coordinates only when both are given. */
    Location location(String countryColumn, String admin1, String admin2, String locality, GeoPrecision precision) {
        Double lat = decimal("latitude");
        Double lon = decimal("longitude");
        boolean both = lat != null && lon != null;
        return new Location(country(countryColumn), admin1, admin2, locality, both ? lat : null, both ? lon : null,
                precision);
    }

    LocalDate requiredDate(String column) {
        LocalDate d = date(column);
        if (d == null) {
            throw new RowException(column + " is required");
        }
        return d;
    }

    /** The parts of a list column, split on the separator, trimmed, blanks dropped. */
    List<String> split(String column, String separator) {
        String v = text(column);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split(java.util.regex.Pattern.quote(separator))).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** A figure known exactly, or null. */
    static Figures exactly(Integer n) {
        return n == null ? null : Figures.exactly(n);
    }

    /** A slug of reference data from its label: "Air/drone strike" is air-drone-strike. */
    static String slug(String label) {
        return label == null ? null : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A mapping problem with one row; the import records it and goes on. */
    static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message, null, false, false);
        }
    }
}

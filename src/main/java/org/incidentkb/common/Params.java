package org.incidentkb.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads query parameters the way every list endpoint does: a bad value is a 400 naming the parameter, never a
 * silently ignored filter; repeated parameters and comma-separated values both give several values.
 */
public final class Params {

    private Params() {
    }

    /** The non-blank values of a repeatable parameter, each also split on commas. */
    public static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : raw) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** Like {@link #values}, but without splitting on commas (names may hold commas). */
    public static List<String> whole(List<String> raw) {
        return raw == null ? List.of() : raw.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
    }

    /**
     * A value as echoed in an error message: at most 60 characters, so a huge bad value is not sent back, and every
     * character the API refuses in text (a control character, a bidirectional override, a non-character) written as
     * its code point, {@code <U+202E>}, so an error never carries what the request was refused for.
     */
    public static String clip(String value) {
        if (value == null) {
            return null;
        }
        String clipped = value.length() <= 60 ? value : value.substring(0, 57) + "...";
        StringBuilder out = new StringBuilder(clipped.length());
        for (int i = 0; i < clipped.length(); ) {
            int c = clipped.codePointAt(i);
            if (StrictJson.problemWith(c) == null) {
                out.appendCodePoint(c);
            } else {
                out.append("<U+").append(String.format("%04X", c)).append('>');
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalid(name, "must be at most " + maxLength + " characters");
        }
        return value.trim();
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date = StrictJson.plainDate(value);
        if (date == null) {
            throw ProblemException.invalid(name, "'" + clip(value) + "' " + StrictJson.PLAIN_DATE);
        }
        return date;
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Instant instant;
        try {
            instant = OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            LocalDate date = StrictJson.plainDate(v);
            instant = date == null ? null : date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        }
        if (instant == null || instant.isBefore(StrictJson.EARLIEST.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))
                || instant.isAfter(StrictJson.LATEST.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC))) {
            throw ProblemException.invalid(name, "'" + clip(value) + "' is not a timestamp between "
                    + StrictJson.EARLIEST.getYear() + " and " + StrictJson.LATEST.getYear()
                    + " (ISO-8601 such as 2024-01-16T00:00:00Z, or a date YYYY-MM-DD)");
        }
        return instant;
    }

    public static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw ProblemException.invalid(name, max == Integer.MAX_VALUE ? "must be " + min + " or more"
                        : "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a whole number");
        }
    }

    public static Double decimal(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return decimalPart(name, value.trim(), min, max);
    }

    /** A comma-separated list of exactly {@code count} numbers, e.g. a bbox or a point. */
    public static double[] decimals(String name, String value, int count, String shape) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != count) {
            throw ProblemException.invalid(name, "must be " + shape);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = decimalPart(name, parts[i].trim(), -Double.MAX_VALUE, Double.MAX_VALUE);
        }
        return out;
    }

    private static double decimalPart(String name, String value, double min, double max) {
        try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d) || d < min || d > max) {
                throw ProblemException.invalid(name, "must be between " + min + " and " + max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not a number");
        }
    }

    public static <E extends Enum<E>> Set<E> enums(String name, List<String> raw, Class<E> type) {
        return values(raw).stream().map(v -> enumValue(name, v, type))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ", "[", "]")));
        }
    }

    public static <T> Set<T> mapEach(List<String> values, Function<String, T> parse) {
        return values.stream().map(parse).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}

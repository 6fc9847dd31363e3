package org.incidentkb.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.incidentkb.actor.ActorApi.ActorInput;
import org.incidentkb.common.ProblemMappers;
import org.incidentkb.incident.api.IncidentApi.IncidentInput;
import org.incidentkb.link.LinkBackup;
import org.incidentkb.source.SourceApi.SourceInput;
import org.jboss.logging.Logger;

/**
 * Reads an import file one row at a time, never the whole file: CSV through Jackson's CSV parser (quoted fields,
 * embedded line breaks and quotes as RFC 4180 has them), NDJSON a line at a time. Each row comes out as a
 * {@link Draft} or as the {@link RowError} that stops it. Memory stays bounded whatever the file holds: an NDJSON
 * line longer than a request body may be is skipped as a failed row, and a CSV field is capped by the parser's
 * string-length limit. (Over 300 lines: the CSV and NDJSON readers and the typed backup lines share the bounded
 * line reader and the row outcome; apart they would each repeat them.)
 */
final class RowReader implements Closeable {

    private static final Logger LOG = Logger.getLogger(RowReader.class);

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    /** What an incident's uid may be (a UUID, or the prefix and id given by migration V14). */
    private static final java.util.regex.Pattern UID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ImportFormat format;
    private final Counting counted;
    private final MappingIterator<Map<String, String>> csv;
    private final Lines lines;
    private final RowMapper mapper;
    private final ObjectMapper json;
    private long line;
    private long rows;
    private long lastUnreadable = -1;

    /**
     * @param maxLine the longest NDJSON line read, in characters; a longer one fails as a row
     */
    RowReader(ImportFormat format, Path file, Charset charset, RowMapper mapper, ObjectMapper json, int maxLine)
            throws IOException {
        this.counted = new Counting(Files.newInputStream(file));
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var reader = new BufferedReader(new InputStreamReader(counted, decoder), 1 << 16);
        skipByteOrderMark(reader);
        this.format = format;
        this.mapper = mapper;
        this.json = json;
        if (format.isCsv()) {
            this.csv = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader);
            this.lines = null;
        } else {
            this.csv = null;
            this.lines = new Lines(reader, maxLine);
        }
    }

    /** The next row as a Draft, a RowError, or a {@link Skip}; null at the end of the file. */
    Object next() throws IOException {
        return csv != null ? nextCsv() : nextJson();
    }

    /** A row that is not an incident to write (an NDJSON tombstone, say). */
    record Skip(long line) {
    }

    /** A backup's own first or last line ({@code "kind": "backup"} or {@code "end"}), which holds no record. */
    record Marker(long line) {
    }

    /** An actor line of a backup ({@code "kind": "actor"}), with its id in the knowledge base it came from. */
    record ActorLine(long line, Long fileId, ActorInput actor) {
    }

    /** A source line of a backup ({@code "kind": "source"}), with its id in the knowledge base it came from. */
    record SourceLine(long line, Long fileId, SourceInput source) {
    }

    /** A link line of a backup ({@code "kind": "link"}): its incidents named by uid. */
    record LinkLine(LinkBackup.Line line) {
    }

    private Object nextCsv() throws IOException {
        // After a row the parser stands at the start of the next one; before the first, the header is line 1.
        long start = rows == 0 ? 2 : Math.max(csv.getCurrentLocation().getLineNr(), 2);
        Map<String, String> row;
        try {
            boolean more = csv.hasNextValue();
            if (rows == 0) {
                checkHeader();
            }
            if (!more) {
                return null;
            }
            row = csv.nextValue();
        } catch (JsonProcessingException | RuntimeException e) {
            if (start == lastUnreadable) {
                throw new IOException("the file cannot be read as CSV past line " + start + ": " + message(e));
            }
            lastUnreadable = start;
            rows++;
            return new RowError(start, "the row could not be read as CSV: " + message(e));
        }
        rows++;
        try {
            return mapper.map(row, start);
        } catch (Columns.RowException e) {
            return new RowError(start, e.getMessage());
        } catch (RuntimeException e) {
            return new RowError(start, "the row could not be mapped: " + message(e));
        }
    }

    /** A file without the format's id column is another kind of file: refused whole rather than row by row. */
    private void checkHeader() throws IOException {
        CsvSchema header = ((CsvParser) csv.getParser()).getSchema();
        if (header.column(format.idColumn) == null) {
            throw new IOException("its header has no column '" + format.idColumn + "', which every "
                    + format.dataset + " export has; is format=" + format.param + " the right one?");
        }
    }

    /** Files saved by spreadsheet programs often start with a byte order mark, which is not part of the data. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private Object nextJson() throws IOException {
        String text;
        do {
            text = lines.next();
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        rows++;
        if (lines.tooLong()) {
            return new RowError(line, "the line is longer than " + lines.max + " characters; NDJSON holds one "
                    + "incident per line (a JSON array is not NDJSON)");
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                return new RowError(line, "the line is not a JSON object");
            }
            if (node.path("deleted").asBoolean(false)) {
                return new Skip(line);
            }
            // A backup line is typed, {"kind": "actor", "actor": {...}}; a line without a kind is an incident.
            JsonNode kind = node.get("kind");
            String what = kind == null ? "incident" : kind.asText();
            JsonNode payload = kind == null ? node : node.get(what);
            if (kind != null && (payload == null || !payload.isObject() || node.size() != 2)) {
                return new RowError(line, "a typed line is {\"kind\": K, K: {...}} with K one of incident, actor, "
                        + "source, link");
            }
            ObjectNode object = (ObjectNode) payload;
            Long fileId = object.path("id").isIntegralNumber() ? object.path("id").asLong() : null;
            switch (what) {
                case "incident" -> {
                    JsonNode uid = object.path("uid");
                    if (!uid.isMissingNode() && !uid.isNull()
                            && !(uid.isTextual() && UID.matcher(uid.asText()).matches())) {
                        return new RowError(line, "uid: must be text of 1 to 64 letters, digits and . _ : -");
                    }
                    IncidentInput input = json.treeToValue(object, IncidentInput.class);
                    return new Draft(line, input, List.of(), List.of(), uid.isTextual() ? uid.asText() : null);
                }
                case "actor" -> {
                    object.remove("version");
                    return new ActorLine(line, fileId, json.treeToValue(object, ActorInput.class));
                }
                case "source" -> {
                    object.remove("version");
                    return new SourceLine(line, fileId, json.treeToValue(object, SourceInput.class));
                }
                case WholeFile.BACKUP, WholeFile.END -> {
                    // A backup's first and last lines (checked before the import began): no record of their own.
                    rows--;
                    return new Marker(line);
                }
                case "link" -> {
                    return new LinkLine(new LinkBackup.Line(line, json.treeToValue(object, LinkBackup.BackupLink.class)));
                }
                default -> {
                    return new RowError(line, "unknown kind '" + org.incidentkb.common.Params.clip(what)
                            + "'; a line is an incident, or in a backup an actor, a source or a link");
                }
            }
        } catch (JsonProcessingException e) {
            return new RowError(line, ProblemMappers.unreadable(e).getMessage());
        }
    }

    long bytesRead() {
        return counted.count;
    }

    long rowsRead() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (lines != null) {
            lines.close();
        }
        counted.close();
    }

    /**
     * What to tell the user about a failure to read: the parser's own message without its location suffix (which
     * names reader classes), or our own; anything else (a fault of ours, a path on the server) is logged and
     * told in general terms, so no class name or server detail reaches a client.
     */
    static String message(Throwable e) {
        if (e instanceof StreamConstraintsException) {
            return "a value is longer than the " + StreamReadConstraints.defaults().getMaxStringLength()
                    + " characters allowed (is a quote left open?)";
        }
        Throwable told = e instanceof JsonProcessingException || e.getClass() == IOException.class ? e
                : e.getCause() instanceof JsonProcessingException ? e.getCause() : null;
        if (told == null || told.getMessage() == null) {
            LOG.warn("Import: a row or file could not be read", e);
            return "an unexpected error (logged on the server)";
        }
        String m = told.getMessage();
        int cut = m.indexOf("\n at [");
        return cut > 0 ? m.substring(0, cut) : m.lines().findFirst().orElse(m);
    }

    /** Lines of text, each at most {@code max} characters kept: a longer one is read through and flagged. */
    static final class Lines implements Closeable {
        private final Reader in;
        private final int max;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private boolean tooLong;

        Lines(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        /** The next line without its line break (its first {@code max} characters), or null at the end. */
        String next() throws IOException {
            StringBuilder text = new StringBuilder();
            tooLong = false;
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = Math.max(in.read(buffer, 0, buffer.length), 0);
                    position = 0;
                    if (limit == 0) {
                        return any ? withoutCarriageReturn(text) : null;
                    }
                }
                any = true;
                int end = position;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                int take = Math.min(end - position, max - text.length());
                text.append(buffer, position, take);
                tooLong |= end - position > take;
                position = end < limit ? end + 1 : end;
                if (end < limit) {
                    return withoutCarriageReturn(text);
                }
            }
        }

        /** Whether the line last returned was cut at {@code max} characters. */
        boolean tooLong() {
            return tooLong;
        }

        private static String withoutCarriageReturn(StringBuilder text) {
            int n = text.length();
            return n > 0 && text.charAt(n - 1) == '\r' ? text.substring(0, n - 1) : text.toString();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Counts the bytes read from the file, for progress and the estimate of time left. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

package org.incidentkb.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What must hold of a whole file before any of it is imported, so that a file refused for it leaves nothing behind:
 * text declared UTF-8 is UTF-8 (the API refuses other bytes in a request body, so an import does not turn them into
 * U+FFFD), and a backup ({@code GET /export}: its first line {@code {"kind": "backup", ...}}) is complete: it ends
 * with its end line, {@code {"kind": "end", "end": {"lines": N}}}, and has the N lines that line counts. A backup cut
 * short (a failed download saved anyway) would otherwise restore as a smaller knowledge base without a word.
 */
final class WholeFile {

    static final String BACKUP = "backup";
    static final String END = "end";
    /** The first and last lines are read this far: enough for a backup's own lines, which are short. */
    private static final int MARKER_LENGTH = 4096;

    private WholeFile() {
    }

    /** Why the file cannot be imported, or empty when it may be. One pass over the file's bytes. */
    static Optional<String> problem(Path file, ImportFormat format, Charset charset, ObjectMapper json)
            throws IOException {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (format != ImportFormat.NDJSON && !utf8) {
            return Optional.empty(); // nothing to check: a single-byte charset decodes any bytes, and no backup
        }
        Scan scan = new Scan(format == ImportFormat.NDJSON, utf8);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0 && scan.malformedLine == 0) {
                scan.bytes(buffer, n);
            }
        }
        scan.endLine();
        if (scan.malformedLine > 0) {
            return Optional.of("The file is not valid UTF-8: line " + scan.malformedLine + " holds bytes that are no "
                    + "UTF-8 text (send the file's own charset in Content-Type, e.g. text/csv; charset=windows-1252). "
                    + "Nothing was imported");
        }
        if (scan.first == null || !BACKUP.equals(kind(scan.first, json))) {
            return Optional.empty();
        }
        if (scan.records < 2 || !END.equals(kind(scan.last, json))) {
            return Optional.of("The backup is cut short: it ends after " + (scan.records - 1) + " records without its "
                    + "end line ({\"kind\": \"end\", \"end\": {\"lines\": N}}), so it is not the whole knowledge base "
                    + "it was exported from. Nothing was imported; export it again");
        }
        long expected = json.readTree(scan.last).path(END).path("lines").asLong(-1);
        long found = scan.records - 2;
        if (expected != found) {
            return Optional.of("The backup's end line counts " + expected + " records, but the file holds " + found
                    + " between its first and last lines. Nothing was imported; export it again");
        }
        return Optional.empty();
    }

    /**
     * The pass over the bytes, line by line (a line break is one byte, 0x0A, in UTF-8 and never inside a character):
     * each line decoded as it streams by, in constant memory whatever its length, to find the first malformed one;
     * for NDJSON the first and last non-blank lines' beginnings, and how many there are.
     */
    private static final class Scan {
        private final boolean ndjson;
        private final CharsetDecoder decoder;
        private final CharBuffer chars = CharBuffer.allocate(1 << 16);
        private final StringBuilder start = new StringBuilder();
        private byte[] carry = new byte[0];
        private boolean blank = true;
        private long line = 1;
        long malformedLine;
        long records;
        String first;
        String last;

        Scan(boolean ndjson, boolean utf8) {
            this.ndjson = ndjson;
            this.decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(utf8 ? CodingErrorAction.REPORT
                    : CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }

        void bytes(byte[] buffer, int n) {
            int from = 0;
            for (int i = 0; i < n && malformedLine == 0; i++) {
                if (buffer[i] == '\n') {
                    decode(buffer, from, i - from, true);
                    endLine();
                    from = i + 1;
                }
            }
            if (malformedLine == 0 && from < n) {
                decode(buffer, from, n - from, false);
            }
        }

        private void decode(byte[] buffer, int from, int length, boolean endOfLine) {
            ByteBuffer in = ByteBuffer.allocate(carry.length + length);
            in.put(carry).put(buffer, from, length).flip();
            while (true) {
                CoderResult result = decoder.decode(in, chars, endOfLine);
                take();
                if (result.isError()) {
                    malformedLine = line;
                    return;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (endOfLine) {
                CoderResult result = decoder.flush(chars);
                take();
                if (result.isError()) {
                    malformedLine = line;
                }
                carry = new byte[0];
            } else {
                carry = new byte[in.remaining()]; // an incomplete character, finished by the next bytes
                in.get(carry);
            }
        }

        /** Keeps the decoded characters' first MARKER_LENGTH of the line, and whether the line is blank so far. */
        private void take() {
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    blank = false;
                }
                if (ndjson && start.length() < MARKER_LENGTH) {
                    start.append(c);
                }
            }
            chars.clear();
        }

        void endLine() {
            if (malformedLine == 0 && carry.length > 0) { // the file ends inside a character
                decode(new byte[0], 0, 0, true);
            }
            if (ndjson && !blank) {
                records++;
                String text = start.toString().strip();
                if (first == null) {
                    first = text.startsWith("\uFEFF") ? text.substring(1) : text;
                }
                last = text;
            }
            decoder.reset();
            start.setLength(0);
            blank = true;
            line++;
        }
    }

    private static String kind(String text, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(text);
            return node.path("kind").isTextual() ? node.path("kind").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}

package org.incidentkb.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is checked of a whole file before an import writes anything, without HTTP. */
class WholeFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "{\"kind\":\"backup\",\"backup\":{\"format\":1}}\n";

    @TempDir
    Path dir;

    private Optional<String> check(byte[] bytes, ImportFormat format) throws IOException {
        Path file = dir.resolve("file");
        Files.write(file, bytes);
        return WholeFile.problem(file, format, StandardCharsets.UTF_8, JSON);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldAcceptCharactersThatStraddleTheReadBuffer() throws IOException {
        // A line of 65,535 letters, then "أربيل": its first letter's two bytes fall on both sides of 64 KiB.
        String line = "a".repeat(65_535) + "أربيل\n";
        assertThat(check(utf8(line + "{\"title\": \"Hewlêr\"}\n"), ImportFormat.NDJSON)).isEmpty();
        assertThat(check(utf8("event_id_cnty,notes\nIRQ1,\"" + line + "\"\n"), ImportFormat.ACLED)).isEmpty();
    }

    @Test
    void shouldNameTheFirstLineThatIsNotUtf8() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(utf8("{\"title\": \"one\"}\n{\"title\": \"two\"}\n" + "x".repeat(70_000) + "\n"));
        file.write(new byte[] { '{', '"', 't', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n' });
        file.write(utf8("{\"title\": \"five\"}\n"));
        assertThat(check(file.toByteArray(), ImportFormat.NDJSON)).hasValueSatisfying(
                m -> assertThat(m).contains("not valid UTF-8: line 4"));
        // A file that ends inside a character.
        byte[] cut = utf8("{\"title\": \"أربيل\"");
        byte[] shorter = java.util.Arrays.copyOf(cut, cut.length - 4);
        assertThat(check(shorter, ImportFormat.NDJSON)).hasValueSatisfying(m -> assertThat(m).contains("line 1"));
    }

    @Test
    void shouldAcceptAWholeBackupAndRefuseOneCutOrMiscounted() throws IOException {
        String records = "{\"kind\":\"actor\",\"actor\":{\"name\":\"A\"}}\n\n{\"kind\":\"source\",\"source\":{}}\n";
        assertThat(check(utf8(HEADER + records + "{\"kind\":\"end\",\"end\":{\"lines\":2}}\n"), ImportFormat.NDJSON))
                .isEmpty();
        assertThat(check(utf8(HEADER + records + "{\"kind\":\"end\",\"end\":{\"lines\":2}}"), ImportFormat.NDJSON))
                .as("without a final line break").isEmpty();
        assertThat(check(utf8(HEADER + records), ImportFormat.NDJSON)).hasValueSatisfying(
                m -> assertThat(m).contains("cut short").contains("after 2 records"));
        assertThat(check(utf8(HEADER + records + "{\"kind\":\"end\",\"end\":{\"lines\":3}}\n"), ImportFormat.NDJSON))
                .hasValueSatisfying(m -> assertThat(m).contains("counts 3 records").contains("holds 2"));
        // A file that is not a backup (no first line saying so) is any NDJSON.
        assertThat(check(utf8(records), ImportFormat.NDJSON)).isEmpty();
    }
}

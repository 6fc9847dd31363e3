package org.incidentkb.incident.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.incidentkb.common.Paging;
import org.junit.jupiter.api.Test;

/**
 * A CSV of records (claims, casualties) whose second page cannot be read is left unfinished: not closed as if whole,
 * so the framework answers a problem or resets the connection. Each page is read in a transaction of its own, hence a
 * Quarkus test.
 */
@QuarkusTest
class RecordRowsFailureTest {

    public record Line(String text) {
    }

    @Test
    void shouldNotCloseACsvWhosePagesWereNotAllRead() {
        List<String> full = Collections.nCopies(Paging.MAX_SIZE, "row");
        var out = new Closable();

        assertThatThrownBy(() -> RecordRows.csv(Line.class, n -> {
            if (n > 1) {
                throw new IllegalStateException("No database connection free");
            }
            return new Paging.Slice<>(full, full.size());
        }, Line::new).write(out)).isInstanceOf(IllegalStateException.class);

        assertThat(out.closed).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("text\r\nrow\r\n");
    }

    @Test
    void shouldCloseACsvOnceItsLastPageWasRead() throws Exception {
        var out = new Closable();

        RecordRows.csv(Line.class, n -> new Paging.Slice<>(List.of("only"), 1), Line::new).write(out);

        assertThat(out.closed).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("text\r\nonly\r\n");
    }

    private static final class Closable extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Entity tags: strong, naming the bytes; If-Match compared on the version; weak tags never match a write. */
class ETagsTest {

    private static final byte[] BODY = "{\"id\":3,\"title\":\"Erbil\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldTagTheVersionAndTheBytes() {
        String tag = ETags.of(3, BODY).getValue();
        assertThat(tag).matches("3-[0-9a-f]{16}");
        assertThat(ETags.of(3, BODY)).isEqualTo(ETags.of(3, BODY.clone()));
        assertThat(ETags.of(3, "{\"id\":3,\"title\":\"Erbil!\"}".getBytes(StandardCharsets.UTF_8)).getValue())
                .as("other bytes, same version").isNotEqualTo(tag);
        assertThat(ETags.of(3, BODY).isWeak()).isFalse();
    }

    @Test
    void shouldMatchIfNoneMatchWeaklyAsRfc9110Allows() {
        var tag = ETags.of(3, BODY);
        String quoted = "\"" + tag.getValue() + "\"";
        assertThat(ETags.matches(quoted, tag)).isTrue();
        assertThat(ETags.matches("W/" + quoted, tag)).isTrue();
        assertThat(ETags.matches("\"other\", " + quoted, tag)).isTrue();
        assertThat(ETags.matches("*", tag)).isTrue();
        assertThat(ETags.matches("\"3\"", tag)).as("the version alone names no bytes").isFalse();
    }

    @Test
    void shouldReadTheVersionOfIfMatch() {
        assertThat(ETags.expectedVersion(null)).isNull();
        assertThat(ETags.expectedVersion("*")).isNull();
        assertThat(ETags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(ETags.expectedVersion("\"3-9f86d081884c7d65\"")).isEqualTo(3L);
        for (String bad : new String[] { "\"abc\"", "\"-1\"", "\"3x-1\"", "\"\"" }) {
            assertThatThrownBy(() -> ETags.expectedVersion(bad)).as(bad).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("If-Match");
        }
    }

    @Test
    void shouldFailAWeakIfMatchWith412AndAStaleOneToo() {
        Long weak = ETags.expectedVersion("W/\"3-9f86d081884c7d65\"");
        assertThatThrownBy(() -> ETags.check("Incident 1", weak, null, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412))
                .hasMessageContaining("weak");
        assertThatThrownBy(() -> ETags.check("Incident 1", 2L, null, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> ETags.check("Incident 1", null, 2L, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        ETags.check("Incident 1", 3L, 99L, 3);
        ETags.check("Incident 1", null, null, 3);
    }
}

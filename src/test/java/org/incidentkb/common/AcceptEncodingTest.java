package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void shouldReadCodingsAndTheirQualities() {
        assertThat(AcceptEncoding.accepts("gzip, deflate, br", "gzip")).isTrue();
        assertThat(AcceptEncoding.accepts("GZIP;q=0.5", "gzip")).isTrue();
        assertThat(AcceptEncoding.accepts("br", "gzip")).isFalse();
        assertThat(AcceptEncoding.accepts("gzip;q=0", "gzip")).isFalse();
        assertThat(AcceptEncoding.accepts("*", "gzip")).isTrue();
        assertThat(AcceptEncoding.accepts("*, gzip;q=0", "gzip")).isFalse();
        assertThat(AcceptEncoding.accepts("identity", "gzip")).isFalse();
        assertThat(AcceptEncoding.accepts("gzip;q=nonsense", "gzip")).isFalse();
        assertThat(AcceptEncoding.accepts(null, "gzip")).isFalse();
        assertThat(AcceptEncoding.accepts(" ", "gzip")).isFalse();
    }
}

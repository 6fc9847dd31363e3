package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The lists' ETag token on PostgreSQL carries the build, which the build writes into the configuration. */
@QuarkusTest
class BuildTokenTest {

    @ConfigProperty(name = "incident-kb.build", defaultValue = "unknown")
    String build;

    @Test
    void shouldKnowWhichBuildThisIs() {
        assertThat(build).matches("\\d{17}");
    }

    @Test
    void shouldTagTheSameSnapshotDifferentlyInAnotherBuild() {
        String snapshot = "1000:1005:1001,1003";
        assertThat(ChangeClock.postgresToken("20261203062600000", snapshot))
                .isEqualTo(ChangeClock.postgresToken("20261203062600000", snapshot))
                .startsWith("p")
                .isNotEqualTo(ChangeClock.postgresToken("20261204090000000", snapshot))
                .isNotEqualTo(ChangeClock.postgresToken("20261203062600000", "1000:1006:1001,1003"));
    }
}

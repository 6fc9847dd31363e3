package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void shouldNameTheOneDatasetAllReferencesComeFrom() {
        assertThat(Datasets.origin(List.of("ACLED"), Function.identity())).isEqualTo("ACLED");
        assertThat(Datasets.origin(List.of("GTD", "GTD"), Function.identity())).isEqualTo("GTD");
        assertThat(Datasets.origin(List.of(), Function.identity())).as("entered through the API").isNull();
        assertThat(Datasets.origin(List.of("ACLED", "UCDP"), Function.identity())).as("several").isNull();
        assertThat(Datasets.origin(List.of("UCDP", "MYSHEET"), Function.identity())).as("unknown").isNull();
    }
}

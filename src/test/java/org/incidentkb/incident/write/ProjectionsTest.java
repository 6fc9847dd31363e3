package org.incidentkb.incident.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Each step of a write's projections has one projection, and they are the ones the order names. */
@QuarkusTest
class ProjectionsTest {

    @Inject
    Instance<Projection> projections;

    @Test
    void shouldHaveOneProjectionForEachStepInTheOrderWrittenOnce() {
        Map<Projection.Step, String> byStep = new TreeMap<>();
        for (Projection p : projections) {
            Object bean = p instanceof ClientProxy proxy ? proxy.arc_contextualInstance() : p;
            String name = bean.getClass().getSimpleName().replace("_Subclass", "");
            assertThat(byStep.put(p.step(), name)).as("two projections for %s", p.step())
                    .isNull();
        }
        assertThat(byStep).containsExactly(
                Map.entry(Projection.Step.HISTORY, "IncidentHistory"),
                Map.entry(Projection.Step.DOCUMENTS, "IncidentDocuments"),
                Map.entry(Projection.Step.ROLLUPS, "StatsRollup"),
                Map.entry(Projection.Step.EVENTS, "EventGroups"),
                Map.entry(Projection.Step.LINK_HISTORY, "LinkRevisions"),
                Map.entry(Projection.Step.INCIDENTS_BY_ACTOR, "IncidentsByActor"));
    }
}

package org.incidentkb.incident.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentkb.common.ProblemException;
import org.incidentkb.incident.model.ExternalRef;
import org.incidentkb.incident.model.Role;
import org.incidentkb.incident.query.IncidentFilter.Involvement;
import org.junit.jupiter.api.Test;

/** Reading the list's query parameters into a filter, with the lookups stubbed: no database. */
class IncidentFilterTest {

    private static final Map<String, Set<Long>> ACTORS = Map.of("is", Set.of(1L, 2L), "3", Set.of(3L));

    private static final IncidentFilter.Lookups LOOKUPS = new IncidentFilter.Lookups() {
        @Override
        public Set<Long> actorIds(String idOrName) {
            return ACTORS.getOrDefault(idOrName.toLowerCase(), Set.of());
        }

        @Override
        public boolean isCategory(String code) {
            return code.equals("battles");
        }

        @Override
        public boolean isType(String code) {
            return code.equals("air-drone-strike");
        }
    };

    private static IncidentFilter parse(java.util.function.Consumer<IncidentQuery> set) {
        IncidentQuery q = new IncidentQuery();
        set.accept(q);
        return IncidentFilter.parse(q, LOOKUPS);
    }

    @Test
    void shouldResolveCodesCountriesAndActorsIntoOneFilter() {
        IncidentFilter f = parse(q -> {
            q.from = "2024-01-01";
            q.to = "2024-01-31";
            q.country = List.of("irq,Syria");
            q.type = List.of("AIR-DRONE-STRIKE");
            q.perpetrator = List.of("IS");
            q.target = List.of("3");
            q.externalRef = List.of("GTD:200109110004");
        });
        assertThat(f.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(f.countries()).containsExactlyInAnyOrder("IRQ", "SYR");
        assertThat(f.types()).containsExactly("air-drone-strike");
        assertThat(f.involvements()).containsExactly(new Involvement(Set.of(1L, 2L), Set.of(Role.PERPETRATOR)),
                new Involvement(Set.of(3L), Set.of(Role.TARGET)));
        assertThat(f.externalRefs()).containsExactly(new ExternalRef("GTD", "200109110004"));
    }

    @Test
    void shouldNameTheParameterOfEachBadValue() {
        assertRefused(q -> { q.from = "2024-02-01"; q.to = "2024-01-01"; }, "to");
        assertRefused(q -> q.country = List.of("Atlantis"), "country");
        assertRefused(q -> q.category = List.of("picnics"), "category");
        assertRefused(q -> q.perpetrator = List.of("nobody"), "perpetrator");
        assertRefused(q -> { q.minKilled = "5"; q.maxKilled = "2"; }, "maxKilled");
        assertRefused(q -> q.externalRef = List.of("GTD"), "externalRef");
        assertRefused(q -> q.claimStatus = List.of("BOASTED"), "claimStatus");
    }

    private static void assertRefused(java.util.function.Consumer<IncidentQuery> set, String parameter) {
        assertThatThrownBy(() -> parse(set)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors()).extracting("field").containsExactly(parameter));
    }
}

package org.incidentkb.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.incidentkb.actor.ActorApi.DuplicatePair;
import org.junit.jupiter.api.Test;

/** The duplicate finder's scores, without a database. */
class ActorDuplicatesTest {

    private static ActorDuplicates.Named actor(long id, String name, String... aliases) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(aliases));
        return new ActorDuplicates.Named(id, name, names);
    }

    @Test
    void shouldScoreSameFormAcronymAndSharedWords() {
        List<DuplicatePair> pairs = ActorDuplicates.pairs(List.of(actor(1, "Islamic State"),
                actor(2, "Islamic State (Iraq)"), actor(3, "IS"), actor(4, "Popular Mobilization Forces"),
                actor(5, "Popular Mobilization Forces of Iraq"), actor(6, "Hezbollah")), 0.5, 100);
        assertThat(pairs).extracting(p -> p.a().id() + "-" + p.b().id() + " " + p.score())
                .contains("1-2 1.0", "1-3 0.8", "2-3 0.8");
        assertThat(pairs).filteredOn(p -> p.a().id() == 4 && p.b().id() == 5).singleElement()
                .satisfies(p -> assertThat(p.reasons()).containsExactly("SHARED_WORDS"))
                .satisfies(p -> assertThat(p.score()).isEqualTo(0.68)); // 0.9 x 3 of 4 words
        assertThat(pairs).noneMatch(p -> p.a().id() == 6 || p.b().id() == 6);
        assertThat(pairs.get(0).score()).isEqualTo(1.0);
    }

    @Test
    void shouldMatchOnAliasesAndIgnoreWordsTooCommonToTell() {
        List<ActorDuplicates.Named> many = new ArrayList<>();
        for (int i = 0; i < ActorDuplicates.COMMON_WORD + 1; i++) {
            many.add(actor(100 + i, "Forces " + i + " unit"));
        }
        many.add(actor(1, "Kataib Hezbollah", "KH"));
        many.add(actor(2, "Kata'ib Hizballah", "kh"));
        List<DuplicatePair> pairs = ActorDuplicates.pairs(many, 0.6, 100);
        assertThat(pairs).extracting(p -> p.a().id() + "-" + p.b().id()).containsExactly("1-2");
    }
}

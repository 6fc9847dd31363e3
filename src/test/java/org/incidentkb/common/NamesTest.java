package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void shouldFoldCaseAccentsPunctuationQualifiersAndYears() {
        assertThat(Names.matchKey("Islamic State (Iraq)")).isEqualTo("islamic state");
        assertThat(Names.matchKey("ISLAMIC STATE")).isEqualTo("islamic state");
        assertThat(Names.matchKey("Islamic State [2013-]")).isEqualTo("islamic state");
        assertThat(Names.matchKey("Military Forces of Iraq (2014-2018)")).isEqualTo("military forces of iraq");
        assertThat(Names.matchKey("Kata'ib Hizballah")).isEqualTo("kata ib hizballah");
        assertThat(Names.matchKey("Asa'ib Ahl al-Haq")).isEqualTo("asa ib ahl al haq");
        assertThat(Names.matchKey("Forces Armées Congolaises")).isEqualTo("forces armees congolaises");
        assertThat(Names.matchKey("(Iraq)")).as("a name that is all qualifier keeps it").isEqualTo("iraq");
        assertThat(Names.matchKey("  ")).isNull();
    }

    @Test
    void shouldGiveTheAcronymWithoutMinorWords() {
        assertThat(Names.acronym("Islamic State")).isEqualTo("is");
        assertThat(Names.acronym("Islamic State of Iraq and the Levant")).isEqualTo("isil");
        assertThat(Names.acronym("Hezbollah")).isNull();
        assertThat(Names.tokens("Popular Mobilization Forces (Iraq)")).containsExactly("popular", "mobilization", "forces");
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What text a record may store, without HTTP. */
class StrictJsonTest {

    @ParameterizedTest
    @ValueSource(strings = { "Erbil", "أربيل", "Hewlêr", "tab\there", "two\nlines", "\u200Fmark", "emoji \uD83D\uDCA5" })
    void shouldAcceptText(String text) {
        assertThat(StrictJson.problemWith(text)).isNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "a\u0000b|control character", "a\u001bb|control character", "a\u0085b|control character",
            "a\u202Eb|bidirectional", "a\u2066b|bidirectional", "\uFEFFa|byte order mark", "a\uFFFF|non-character",
            "a\uFDD0|non-character", "a\uD800|surrogate" })
    void shouldRefuseText(String text, String problem) {
        assertThat(StrictJson.problemWith(text)).contains(problem);
    }
}

package org.incidentkb.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetSafeTextTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
            "=1+1|'=1+1",
            "+cmd|'+cmd",
            "-2+3|'-2+3",
            "@SUM(A1)|'@SUM(A1)",
            " =1+1|' =1+1",
            "   @x|'   @x",
            "\u3000=1|'\u3000=1",
            "\uff1d1+1|'\uff1d1+1",
            "\uff0b1|'\uff0b1",
            "\uff0d1|'\uff0d1",
            "\uff201|'\uff201",
            "\u2003=1|'\u2003=1",
            "\u2009+1|'\u2009+1",
            "\u200b=HYPERLINK(1)|'\u200b=HYPERLINK(1)",
            "\u200e-1|'\u200e-1",
            "\u2028@x|'\u2028@x",
            "\ufeff\u00a0=1|'\ufeff\u00a0=1",
            "\u200bErbil|\u200bErbil",
            "Erbil|Erbil",
            " Erbil| Erbil",
            "a=b|a=b",
            "   |   " })
    void shouldPrefixFormulaStartsAfterLeadingSpace(String text, String expected) {
        assertThat(SpreadsheetSafeText.safe(text)).isEqualTo(expected);
    }
}

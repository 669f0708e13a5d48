package dev.uniwizard.mesh.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void rfc8785Section322Example() throws Exception {
        String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + " \"literals\": [null, true, false]}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(CanonicalJson.toString(mapper.readTree(input))).isEqualTo(expected);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAsRfc8785Section323() throws Exception {
        String input = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\\ufb33\": \"Hebrew Letter\","
                + " \"1\": \"One\", \"\\ud83d\\ude00\": \"Emoji\", \"\\u0080\": \"Control\", \"\\u00f6\": \"Umlaut\"}";
        String canonical = CanonicalJson.toString(mapper.readTree(input));
        assertThat(canonical)
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Umlaut\","
                        + "\"€\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji\",\"\ufb33\":\"Hebrew Letter\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-1, -1",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "1e-7, 1e-7",
        "1e-6, 0.000001",
        "123.456, 123.456",
        "9007199254740992, 9007199254740992",
        "-5e-324, -5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "295147905179352830000, 295147905179352830000",
        "0.1, 0.1",
        "1.5e-10, 1.5e-10",
        "4.5e+25, 4.5e+25"
    })
    void formatsNumbersAsEcmaScript(double value, String expected) {
        assertThat(CanonicalJson.formatNumber(value)).isEqualTo(expected);
    }

    @Test
    void nestedStructuresHaveNoWhiteSpace() throws Exception {
        assertThat(CanonicalJson.toString(
                        mapper.readTree("{ \"b\" : [ 1 , { \"z\":true, \"a\": \"x\" } ], \"a\": {} }")))
                .isEqualTo("{\"a\":{},\"b\":[1,{\"a\":\"x\",\"z\":true}]}");
    }

    @Test
    void refusesLoneSurrogatesAndNonFiniteNumbers() {
        assertThatThrownBy(() -> CanonicalJson.toString(JsonNodeFactory.instance.textNode("a\ud800b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> CanonicalJson.formatNumber(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}

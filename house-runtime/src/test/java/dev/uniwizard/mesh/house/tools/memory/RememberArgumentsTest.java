package dev.uniwizard.mesh.house.tools.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.house.tools.ToolCall;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RememberArgumentsTest {

    @Test
    void readsEveryArgument() {
        RememberArguments read = RememberArguments.read(call(Map.of(
                "type", " Decision ",
                "content", "  Use Jdbi, not Hibernate: plain SQL is easier to review.  ",
                "marker", " Jdbi, not Hibernate ",
                "houses", "ezra, bezalel,,ezra",
                "relevance", "0.75")));

        assertThat(read)
                .isEqualTo(new RememberArguments(
                        "decision",
                        "Use Jdbi, not Hibernate: plain SQL is easier to review.",
                        "Jdbi, not Hibernate",
                        List.of("ezra", "bezalel"),
                        0.75));
    }

    @Test
    void onlyTypeAndContentAreNeeded() {
        RememberArguments read = RememberArguments.read(call(Map.of("type", "pattern", "content", "Retry publishes")));

        assertThat(read).isEqualTo(new RememberArguments("pattern", "Retry publishes", null, List.of(), null));
        assertThat(RememberArguments.read(
                                call(Map.of("type", "pattern", "content", "x", "marker", "  ", "houses", " ")))
                        .marker())
                .isNull();
    }

    @Test
    void aTypeThatIsNotAMemoryTypeIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> RememberArguments.read(call(Map.of("type", "opinion", "content", "tabs"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type 'opinion' is not a memory type; use one of decision, pattern, correction,"
                        + " architecture");
    }

    @Test
    void relevanceMustBeFromZeroToOne() {
        assertThat(RememberArguments.read(call(relevance("0"))).relevance()).isEqualTo(0.0);
        assertThat(RememberArguments.read(call(relevance("1"))).relevance()).isEqualTo(1.0);
        assertThatThrownBy(() -> RememberArguments.read(call(relevance("1.5"))))
                .hasMessage("relevance must be from 0 (barely relevant) to 1 (most relevant), got 1.5");
        assertThatThrownBy(() -> RememberArguments.read(call(relevance("-0.1"))))
                .hasMessage("relevance must be from 0 (barely relevant) to 1 (most relevant), got -0.1");
        assertThatThrownBy(() -> RememberArguments.read(call(relevance("NaN"))))
                .hasMessageContaining("relevance must be from 0");
        assertThatThrownBy(() -> RememberArguments.read(call(relevance("high"))))
                .hasMessage("relevance must be a number from 0 to 1, got 'high'");
    }

    @Test
    void emptyContentAMarkerOfSeveralLinesAndBadHouseNamesAreRefused() {
        assertThatThrownBy(() -> RememberArguments.read(call(Map.of("type", "decision", "content", " \n "))))
                .hasMessage("content is empty; say what should be remembered, with its reason");
        assertThatThrownBy(() -> RememberArguments.read(
                        call(Map.of("type", "decision", "content", "x", "marker", "first line\nsecond line"))))
                .hasMessage("marker must be one line; put the details into content and keep the marker short");
        assertThatThrownBy(() -> RememberArguments.read(
                        call(Map.of("type", "decision", "content", "x", "houses", "ezra, Bez Alel"))))
                .hasMessage("houses must be house names separated by commas (e.g. ezra,bezalel); 'Bez Alel' is not a"
                        + " house name");
    }

    private static Map<String, String> relevance(String value) {
        Map<String, String> arguments = new HashMap<>(Map.of("type", "decision", "content", "x"));
        arguments.put("relevance", value);
        return arguments;
    }

    private static ToolCall call(Map<String, String> arguments) {
        return new ToolCall(RememberTool.NAME, arguments);
    }
}

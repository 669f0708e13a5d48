package dev.uniwizard.mesh.gateway.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void escapesSlacksControlCharacters() {
        assertThat(SlackText.parts("a < b && <!channel>", 100)).containsExactly("a &lt; b &amp;&amp; &lt;!channel&gt;");
    }

    @Test
    void keepsAShortTextWhole() {
        assertThat(SlackText.parts("hello", SlackText.MAX_PART)).containsExactly("hello");
        assertThat(SlackText.parts(" ", SlackText.MAX_PART)).containsExactly("(empty reply)");
    }

    @Test
    void splitsALongTextAtLineBreaksBelowTheLimit() {
        String line = "x".repeat(9_999) + "\n";
        String text = line.repeat(8);

        List<String> parts = SlackText.parts(text, SlackText.MAX_PART);

        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(39_000));
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts.getFirst()).endsWith("\n");
    }

    @Test
    void neverCutsInsideAnEscape() {
        List<String> parts = SlackText.parts("ab<cd", 4);

        assertThat(parts).containsExactly("ab", "&lt;", "cd");
    }
}

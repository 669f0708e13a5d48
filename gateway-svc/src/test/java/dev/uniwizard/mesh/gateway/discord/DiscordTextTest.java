package dev.uniwizard.mesh.gateway.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordTextTest {

    @Test
    void keepsAShortTextWholeAndReplacesABlankOne() {
        assertThat(DiscordText.parts("<@everyone> hi", 2000)).containsExactly("<@everyone> hi");
        assertThat(DiscordText.parts("", 2000)).containsExactly("(empty reply)");
    }

    @Test
    void splitsAtSpacesWithinTheLimit() {
        String text = "word ".repeat(1000);

        List<String> parts = DiscordText.parts(text, DiscordText.MAX_CONTENT);

        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a" + "😀".repeat(3);

        List<String> parts = DiscordText.parts(text, 4);

        assertThat(parts).containsExactly("a😀", "😀😀");
    }
}

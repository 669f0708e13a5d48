package dev.uniwizard.mesh.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPartsTest {

    @Test
    void keepsShortTextWhole() {
        assertThat(TextParts.split("hello", 10)).containsExactly("hello");
    }

    @Test
    void cutsAfterALineBreakInTheSecondHalf() {
        assertThat(TextParts.split("aaaaaa\nbbbbbbbbb", 10)).containsExactly("aaaaaa\n", "bbbbbbbbb");
    }

    @Test
    void cutsAfterASpaceWhenThereIsNoLineBreak() {
        assertThat(TextParts.split("aaaaaaa bbbbbb", 10)).containsExactly("aaaaaaa ", "bbbbbb");
    }

    @Test
    void neverCutsAnEntityOrASurrogatePair() {
        List<String> entity = TextParts.split("aaaaaaaa&amp;bbb", 10);
        assertThat(entity).containsExactly("aaaaaaaa", "&amp;bbb");
        String emoji = "aaaaaaaaa\uD83D\uDE00b";
        assertThat(TextParts.split(emoji, 10)).containsExactly("aaaaaaaaa", "\uD83D\uDE00b");
    }

    @Test
    void everyPartFitsAndNothingIsLost() {
        String text = "word ".repeat(3000) + "\n" + "x".repeat(5000);
        List<String> parts = TextParts.split(text, 4096);
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void dropsBlankPartsAndRefusesATinyLimit() {
        assertThat(TextParts.split("\n\n  ", 10)).isEmpty();
        assertThatThrownBy(() -> TextParts.split("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

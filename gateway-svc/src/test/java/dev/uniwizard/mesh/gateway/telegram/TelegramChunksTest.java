package dev.uniwizard.mesh.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramChunksTest {

    @Test
    void aShortTextIsOneChunk() {
        assertThat(TelegramChunks.split("hello")).containsExactly("hello");
    }

    @Test
    void anEmptyOrBlankTextHasNoChunks() {
        assertThat(TelegramChunks.split("")).isEmpty();
        assertThat(TelegramChunks.split("  \n ")).isEmpty();
    }

    @Test
    void aTextOfExactlyTheLimitIsOneChunk() {
        String text = "x".repeat(TelegramChunks.MAX_LENGTH);
        assertThat(TelegramChunks.split(text)).containsExactly(text);
    }

    @Test
    void splitsAfterTheLastLineBreakInTheSecondHalf() {
        String text = "a".repeat(3000) + "\n" + "b".repeat(500) + " " + "c".repeat(1500);
        List<String> chunks = TelegramChunks.split(text);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).isEqualTo("a".repeat(3000) + "\n");
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Test
    void prefersALineBreakToALaterSpace() {
        String text = "a".repeat(2500) + "\n" + "b".repeat(1000) + " " + "c".repeat(1000);
        List<String> chunks = TelegramChunks.split(text);
        assertThat(chunks.get(0)).endsWith("\n").hasSize(2501);
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Test
    void splitsAtASpaceWhenThereIsNoLineBreak() {
        String text = ("word ").repeat(2000);
        List<String> chunks = TelegramChunks.split(text);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(4096));
        assertThat(chunks.getFirst()).endsWith("word ");
        assertThat(String.join("", chunks)).isEqualTo(text);
    }

    @Test
    void cutsAtTheLimitWithoutSeparatorsButNeverInsideASurrogatePair() {
        // 4095 letters, then emoji (2 UTF-16 units each): the limit falls between the halves of the first emoji.
        String text = "x".repeat(4095) + "😀".repeat(10);
        List<String> chunks = TelegramChunks.split(text);
        assertThat(chunks.get(0)).hasSize(4095);
        assertThat(chunks.get(1)).isEqualTo("😀".repeat(10));
        for (String chunk : chunks) {
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)))
                    .isFalse();
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
        }
    }

    @Test
    void aLongTextOfEmojiSplitsIntoWholeCharacters() {
        String text = "😀".repeat(5000);
        List<String> chunks = TelegramChunks.split(text);
        assertThat(chunks).hasSize(3);
        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(4096);
            assertThat(chunk.codePoints().allMatch(cp -> cp == "😀".codePointAt(0)))
                    .isTrue();
        });
    }

    @Test
    void fiveThousandCharactersMakeTwoChunks() {
        String text = "line of text\n".repeat(385);
        assertThat(text.length()).isEqualTo(5005);
        List<String> chunks = TelegramChunks.split(text);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).endsWith("\n");
        assertThat(String.join("", chunks)).isEqualTo(text);
    }
}

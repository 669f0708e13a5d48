package dev.uniwizard.mesh.memory.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerTextTest {

    @Test
    void theFirstSentenceBecomesTheMarker() {
        assertThat(MarkerText.derive("Store memory in PostgreSQL, not files. Files got lost twice.", 240))
                .isEqualTo("Store memory in PostgreSQL, not files");
        assertThat(MarkerText.derive("Is Jdbi enough? We think so.", 240)).isEqualTo("Is Jdbi enough?");
        assertThat(MarkerText.derive("Version 1.2 of the API is frozen. Later ones may change.", 240))
                .isEqualTo("Version 1.2 of the API is frozen");
        assertThat(MarkerText.derive("数据库用 PostgreSQL。文件会丢失。", 240)).isEqualTo("数据库用 PostgreSQL");
    }

    @Test
    void theFirstNonBlankLineEndsTheMarkerAndWhitespaceCollapses() {
        assertThat(MarkerText.derive("\n\n  Use   Jdbi,\tnot Hibernate\nbecause SQL stays visible", 240))
                .isEqualTo("Use Jdbi, not Hibernate");
        assertThat(MarkerText.collapse("  one\n two\r\n\tthree  ")).isEqualTo("one two three");
    }

    @Test
    void aLongSentenceIsCutAtAWordBoundaryWithAnEllipsis() {
        String sentence = "Every house keeps its tool calls in memory so that the operator can see what happened later";

        String marker = MarkerText.derive(sentence, 40);

        assertThat(marker).isEqualTo("Every house keeps its tool calls in...");
        assertThat(marker.length()).isLessThanOrEqualTo(40);
        assertThat(MarkerText.fit("short", 40)).isEqualTo("short");
    }

    @Test
    void aWordLongerThanTheRoomIsCutHardButNeverInsideAnEmoji() {
        assertThat(MarkerText.fit("x".repeat(50), 10)).isEqualTo("xxxxxxx...");
        String emoji = "ab" + "🚀".repeat(10);

        String marker = MarkerText.fit(emoji, 10);

        assertThat(marker).endsWith("...").hasSizeLessThanOrEqualTo(10);
        assertThat(marker).isEqualTo("ab🚀🚀...");
        assertThat(marker.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .isTrue();
    }

    @Test
    void contentWithoutAnySentenceStillGetsAMarker() {
        assertThat(MarkerText.derive(". leading dot", 240)).isEqualTo(". leading dot");
        assertThat(MarkerText.derive("Wait... then go", 240)).isEqualTo("Wait... then go");
    }
}

package dev.uniwizard.mesh.memory.historian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");
    private static final Sender ALICE = new Sender("http", "alice", "Alice");
    private static final Sender BOB = new Sender("telegram", "bob-42", null);

    private final List<StoredMessage> messages = new ArrayList<>();

    @Test
    void theHeaderSaysHowManyMessagesWhenAndWhoTookPart() {
        user(ALICE, "Hello.");
        assistant("timmy", "Hello Alice.");
        user(BOB, "Hi.");
        assistant("ezra", "Welcome.");

        String summary = new ExtractiveSummarizer(3).summarize("conv-1", messages);

        assertThat(summary.lines().findFirst())
                .hasValue("Conversation conv-1: 4 messages from 2026-01-31T12:00:00Z to 2026-01-31T12:03:00Z,"
                        + " houses: ezra, timmy; operators: Alice, bob-42");
    }

    @Test
    void theHeaderUsesTheEarliestAndLatestTimeAndSaysNoneWhenNobodyIsKnown() {
        messages.add(new StoredMessage(1, "e1", "assistant", null, null, "b", T0.plusSeconds(30)));
        messages.add(new StoredMessage(2, "e2", "system", null, null, "a", T0));

        assertThat(SummaryHeader.of("c", messages))
                .isEqualTo("Conversation c: 2 messages from 2026-01-31T12:00:00Z to 2026-01-31T12:00:30Z,"
                        + " houses: none; operators: none");
    }

    @Test
    void keepsTheSentencesAboutWhatTheConversationIsAboutInTheirOrder() {
        user(ALICE, "The staging deploy failed because the database migration timed out. Can you look?");
        assistant("ezra", "Sure.\nThe database migration waits on a lock held by an old session.");
        user(ALICE, "Lovely weather today, by the way.");
        assistant("ezra", "We kill the old session and rerun the database migration on staging.");
        user(ALICE, "Agreed: rerun the migration on staging tonight.");

        String summary = new ExtractiveSummarizer(3).summarize("conv-2", messages);

        assertThat(summary.lines().skip(1).toList())
                .containsExactly(
                        "- Alice: The staging deploy failed because the database migration timed out.",
                        "- ezra: The database migration waits on a lock held by an old session.",
                        "- ezra: We kill the old session and rerun the database migration on staging.");
    }

    @Test
    void toolOutputCountsLessThanWhatPeopleSaid() {
        tool("shell", "Kubernetes cluster upgrade planned today");
        user(ALICE, "Kubernetes cluster upgrade planned tonight");

        String summary = new ExtractiveSummarizer(1).summarize("conv-3", messages);

        assertThat(summary.lines().skip(1).toList())
                .containsExactly("- Alice: Kubernetes cluster upgrade planned tonight");

        messages.clear();
        tool("shell", "Kubernetes cluster upgrade planned today");
        assistant("bezalel", "Unrelated remark about lunch");

        assertThat(new ExtractiveSummarizer(2)
                        .summarize("conv-3", messages)
                        .lines()
                        .skip(1))
                .containsExactly(
                        "- tool shell: Kubernetes cluster upgrade planned today",
                        "- bezalel: Unrelated remark about lunch");
    }

    @Test
    void equalSentencesAreKeptOnceAndTiesGoToTheEarlierOne() {
        user(ALICE, "Release candidate approved.");
        assistant("ezra", "Release candidate approved.");
        user(BOB, "Budget meeting moved.");

        String summary = new ExtractiveSummarizer(1).summarize("conv-4", messages);
        assertThat(summary.lines().skip(1)).containsExactly("- Alice: Release candidate approved.");

        messages.clear();
        user(ALICE, "Alpha beta gamma.");
        user(BOB, "Delta epsilon zeta.");
        assertThat(new ExtractiveSummarizer(1)
                        .summarize("conv-4", messages)
                        .lines()
                        .skip(1))
                .containsExactly("- Alice: Alpha beta gamma.");
    }

    @Test
    void worksForAnyLanguage() {
        user(ALICE, "База данных упала ночью. База данных снова работает.");
        assistant("ezra", "数据库迁移失败。数据库迁移已经修复。");
        user(BOB, "قاعدة البيانات تعمل الآن 🎉");
        assistant("timmy", "नमस्ते दुनिया, डेटाबेस ठीक है।");
        user(ALICE, "🎉🎉🎉 !!! ...");

        String summary = new ExtractiveSummarizer(10).summarize("conv-5", messages);

        assertThat(summary)
                .contains("- Alice: База данных упала ночью.")
                .contains("- ezra: 数据库迁移失败。")
                .contains("- bob-42: قاعدة البيانات تعمل الآن 🎉")
                .contains("- timmy: नमस्ते दुनिया, डेटाबेस ठीक है।")
                .doesNotContain("🎉🎉🎉");
        assertThat(ExtractiveSummarizer.words("Привет мир, БАЗА данных"))
                .containsExactly("привет", "мир", "база", "данных");
        assertThat(ExtractiveSummarizer.words("नमस्ते दुनिया")).containsExactly("नमस्ते", "दुनिया");
        assertThat(ExtractiveSummarizer.words("数据库 的 🎉 x1")).containsExactly("数据库", "的");
    }

    @Test
    void shortWordsAndStopWordsDoNotCount() {
        assertThat(ExtractiveSummarizer.words("The cat is on THE database, and it's up: v2 ok"))
                .containsExactly("cat", "database");

        user(ALICE, "Yes, and the, for you.");
        String summary = new ExtractiveSummarizer(3).summarize("conv-6", messages);
        assertThat(summary.lines()).hasSize(1);
    }

    @Test
    void longSentencesAreCutAtAWord() {
        String longSentence = "Observability " + "dashboards ".repeat(60) + "everywhere";
        user(ALICE, longSentence);

        String line = new ExtractiveSummarizer(1)
                .summarize("conv-7", messages)
                .lines()
                .toList()
                .get(1);

        String kept = line.substring("- Alice: ".length());
        assertThat(kept).endsWith("dashboards...").startsWith("Observability dashboards");
        assertThat(kept.length()).isLessThanOrEqualTo(ExtractiveSummarizer.MAX_SENTENCE_CHARS);
        assertThat(ExtractiveSummarizer.cut("x".repeat(400))).hasSize(ExtractiveSummarizer.MAX_SENTENCE_CHARS);
        String emoji = "😀".repeat(400);
        assertThat(ExtractiveSummarizer.cut(emoji)
                        .codePointCount(0, ExtractiveSummarizer.cut(emoji).length()))
                .isEqualTo(ExtractiveSummarizer.MAX_SENTENCE_CHARS);
    }

    @Test
    void refusesNothingToSummarizeAndBadSettings() {
        assertThatThrownBy(() -> new ExtractiveSummarizer(3).summarize("c", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a summary needs at least one message");
        assertThatThrownBy(() -> new ExtractiveSummarizer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memory.historian.extractive-sentences must be at least 1, got 0");
    }

    private void user(Sender sender, String content) {
        add("user", null, sender, content, List.of());
    }

    private void assistant(String house, String content) {
        add("assistant", house, null, content, List.of());
    }

    private void tool(String name, String content) {
        add("tool", "ezra", null, content, List.of(new ToolCallTrace("call-" + messages.size(), name, null, "ok")));
    }

    private void add(String role, String house, Sender sender, String content, List<ToolCallTrace> calls) {
        int n = messages.size();
        messages.add(
                new StoredMessage(n + 1, "env-" + n, role, house, sender, content, T0.plusSeconds(60L * n), calls));
    }
}

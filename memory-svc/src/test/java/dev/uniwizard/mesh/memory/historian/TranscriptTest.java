package dev.uniwizard.mesh.memory.historian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    @Test
    void oneLinePerMessageWithSpeakerRoleAndToolCalls() {
        List<StoredMessage> messages = List.of(
                new StoredMessage(1, "e1", "user", "ezra", new Sender("http", "alice", "Alice"), "Read a.md", T0),
                new StoredMessage(
                        2,
                        "e2",
                        "assistant",
                        "ezra",
                        null,
                        "",
                        T0.plusSeconds(1),
                        List.of(new ToolCallTrace("c1", "file_read", null, null))),
                new StoredMessage(
                        3,
                        "e3",
                        "tool",
                        "ezra",
                        null,
                        "x".repeat(Transcript.MAX_TOOL_CHARS + 5),
                        T0.plusSeconds(2),
                        List.of(new ToolCallTrace("c1", "file_read", null, "ok"))));

        List<String> lines = Transcript.of(messages, 100_000).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("[2026-01-31T12:00:00Z] Alice (user): Read a.md");
        assertThat(lines.get(1)).isEqualTo("[2026-01-31T12:00:01Z] ezra (assistant) [calls file_read]: ");
        assertThat(lines.get(2))
                .startsWith("[2026-01-31T12:00:02Z] tool file_read (tool) [ok]: xxx")
                .endsWith("x [... 5 more characters]");
    }

    @Test
    void keepsTheLatestMessagesWhenTheWholeIsTooLong() {
        List<StoredMessage> messages = List.of(
                new StoredMessage(1, "e1", "user", null, null, "first " + "a".repeat(100), T0),
                new StoredMessage(2, "e2", "user", null, null, "second", T0.plusSeconds(1)),
                new StoredMessage(3, "e3", "user", null, null, "third", T0.plusSeconds(2)));

        String text = Transcript.of(messages, 120);

        assertThat(text.lines())
                .containsExactly(
                        "[... 1 earlier message left out ...]",
                        "[2026-01-31T12:00:01Z] user (user): second",
                        "[2026-01-31T12:00:02Z] user (user): third");
        assertThat(Transcript.of(messages.subList(0, 1), 50))
                .isEqualTo("[2026-01-31T12:00:00Z] user (user): firs [... cut]");
        assertThat(Transcript.of(List.of(messages.get(1), messages.get(0)), 60))
                .isEqualTo("[... 1 earlier message left out ...]\n[2026-01-31T1 [... cut]");
    }
}

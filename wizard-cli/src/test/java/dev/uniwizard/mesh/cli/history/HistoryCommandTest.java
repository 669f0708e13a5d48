package dev.uniwizard.mesh.cli.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.observatory.AlertRecord;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import dev.uniwizard.mesh.core.observatory.HistoryReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryCommandTest {

    private static final String HISTORY = "/api/v1/history";

    private ScriptedHttpServer observatory;

    @BeforeEach
    void start() throws Exception {
        observatory = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        observatory.close();
    }

    @Test
    void printsStateChangesAndNotificationsNewestFirstAsTwoTables() {
        CheckTransition first = new CheckTransition(
                "disk:gateway-1", null, CheckState.OK, 0.41, "disk 41% full", at("2025-01-01T09:00:00Z"));
        CheckTransition critical = new CheckTransition(
                "disk:gateway-1",
                CheckState.OK,
                CheckState.CRITICAL,
                0.965,
                "disk 96.5% full (critical at 95%)",
                at("2025-01-01T10:00:00.900Z"));
        AlertRecord webhook = new AlertRecord(
                7,
                "n-2",
                "{kind=\"disk\"}",
                "firing",
                "webhook",
                "https://hooks.example/alerts",
                true,
                null,
                1,
                "[FIRING] disk:gateway-1 critical\ndisk 96.5% full",
                at("2025-01-01T10:00:05Z"));
        AlertRecord telegram = new AlertRecord(
                8,
                "n-2",
                "{kind=\"disk\"}",
                "firing",
                "telegram",
                "chat 42",
                false,
                "gateway unreachable",
                1,
                "[FIRING] disk:gateway-1 critical",
                at("2025-01-01T10:00:06Z"));
        // in the wrong order on purpose: the table is newest first whatever the order of the answer
        observatory.answer(
                HISTORY, 200, Json.write(new HistoryReport(List.of(first, critical), List.of(webhook, telegram))));

        CliRun run = CliRun.wizard("history", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(observatory.onlyRequest().parameters()).isEqualTo(Map.of("limit", "20"));
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("STATE CHANGES (2 changes, newest first)");
        assertThat(lines.get(1)).matches("TIME +CHECK +FROM +TO +VALUE +MESSAGE");
        assertThat(lines.get(2))
                .matches(
                        "2025-01-01T10:00:00Z +disk:gateway-1 +ok +CRITICAL +0\\.965 +disk 96\\.5% full \\(critical at 95%\\)");
        assertThat(lines.get(3))
                .matches("2025-01-01T09:00:00Z +disk:gateway-1 +\\(first\\) +ok +0\\.41 +disk 41% full");
        assertThat(lines.get(4)).isEmpty();
        assertThat(lines.get(5)).isEqualTo("NOTIFICATIONS (2 notifications, newest first)");
        assertThat(lines.get(6)).matches("TIME +STATUS +CHANNEL +DESTINATION +DELIVERED +ALERTS +TEXT");
        assertThat(lines.get(7))
                .matches("2025-01-01T10:00:06Z +firing +telegram +chat 42 +NO: gateway unreachable +1 +\\[FIRING\\].*");
        assertThat(lines.get(8))
                .matches("2025-01-01T10:00:05Z +firing +webhook +https://hooks.example/alerts +yes +1"
                        + " +\\[FIRING\\] disk:gateway-1 critical \\.\\.\\.");
    }

    @Test
    void nIsSentAsTheLimitAndAFullPageSaysSo() {
        CheckTransition change = new CheckTransition(
                "service:router",
                CheckState.CRITICAL,
                CheckState.OK,
                null,
                "router has 1 UP instance",
                at("2025-01-01T10:00:00Z"));
        observatory.answer(HISTORY, 200, Json.write(new HistoryReport(List.of(change), List.of())));

        CliRun run = CliRun.wizard("history", "1", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(observatory.onlyRequest().parameters()).isEqualTo(Map.of("limit", "1"));
        assertThat(run.out())
                .contains("STATE CHANGES (1 change, the latest 1, newest first)")
                .containsPattern("service:router +CRITICAL +ok +- +router has 1 UP instance")
                .contains("no notifications sent");
    }

    @Test
    void nothingRecordedYet() {
        observatory.answer(HISTORY, 200, "{\"transitions\":[],\"alerts\":[]}");

        CliRun run = CliRun.wizard("history", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no state changes recorded", "no notifications sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1001"})
    void nOutOfRangeIsRefusedBeforeAsking(String n) {
        CliRun run = CliRun.wizard("history", n, "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("N must be between 1 and 1000, got " + n);
        assertThat(observatory.requests()).isEmpty();
    }

    @Test
    void nThatIsNotANumberIsRefused() {
        CliRun run = CliRun.wizard("history", "ten", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'ten'", "N");
        assertThat(observatory.requests()).isEmpty();
    }

    @Test
    void anObservatoryErrorShowsItsMessage() {
        observatory.answer(HISTORY, 500, "{\"error\":\"internal\",\"message\":\"database unavailable\"}");

        CliRun run = CliRun.wizard("history", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("observatory could not answer the history (HTTP 500): internal: database unavailable");
        assertThat(run.out()).isEmpty();
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}

package dev.uniwizard.mesh.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.observatory.AgentStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatsCommandTest {

    private static final String STATS = "/api/v1/stats";
    private static final Instant SINCE = Instant.parse("2025-01-01T09:00:00Z");
    private static final Instant UNTIL = Instant.parse("2025-01-01T10:00:00Z");

    private static final AgentStats EZRA = new AgentStats(
            "ezra",
            SINCE,
            UNTIL,
            42,
            0.7,
            1.5,
            1200.0,
            4800.0,
            Map.of("ok", 40L, "retried", 1L, "failed", 1L),
            3L,
            Map.of("operator", 30L, "scheduler", 12L),
            Map.of("operator", 42L),
            Map.of("file_read", 20L, "git_log", 3L, "memory_search", 40L),
            Map.of("ok", 60L, "failed", 2L, "denied", 1L),
            Instant.parse("2025-01-01T09:57:50Z"),
            130.0);

    private static final AgentStats BEZALEL_IDLE = new AgentStats(
            "bezalel",
            SINCE,
            UNTIL,
            0,
            0,
            null,
            null,
            null,
            Map.of("ok", 0L, "retried", 0L, "failed", 0L),
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            null,
            null);

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
    void everyHouseIsOneRow() {
        observatory.answer(STATS, 200, Json.write(List.of(EZRA, BEZALEL_IDLE)));

        CliRun run = CliRun.wizard("stats", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(observatory.onlyRequest().query()).isNull();
        assertThat(run.out())
                .containsPattern("HOUSE +TURNS +PER MIN +TOOLS/TURN +P50 +P95 +OK +RETRIED +FAILED +INBOX +LAST TURN")
                .containsPattern("ezra +42 +0\\.7 +1\\.5 +1\\.2 s +4\\.8 s +40 +1 +1 +3 +2m 10s ago")
                .containsPattern("bezalel +0 +0 +- +- +- +0 +0 +0 +\\? +never")
                .contains("since 2025-01-01T09:00:00Z until 2025-01-01T10:00:00Z")
                .doesNotContain("TOOL  ");
    }

    @Test
    void oneHouseSinceAnHourAddsItsToolsAndTraffic() {
        observatory.answer(STATS, 200, Json.write(EZRA));

        CliRun run = CliRun.wizard("stats", "--house", "ezra", "--since", "1h", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(observatory.onlyRequest().parameters()).isEqualTo(Map.of("house", "ezra", "since", "1h"));
        List<String> lines = run.out().lines().toList();
        int tools = lines.indexOf(lines.stream()
                .filter(line -> line.startsWith("TOOL "))
                .findFirst()
                .orElseThrow());
        assertThat(lines.subList(tools + 1, tools + 4))
                .satisfiesExactly(
                        line -> assertThat(line).matches("memory_search +40"),
                        line -> assertThat(line).matches("file_read +20"),
                        line -> assertThat(line).matches("git_log +3"));
        assertThat(run.out())
                .contains("tool outcomes: ok 60, failed 2, denied 1")
                .contains("received from: operator 30, scheduler 12")
                .contains("sent to:       operator 42")
                .contains("last turn:     2025-01-01T09:57:50Z");
    }

    @Test
    void aHouseThatNeverWorkedSaysSo() {
        observatory.answer(STATS, 200, Json.write(BEZALEL_IDLE));

        CliRun run = CliRun.wizard("stats", "--house", "bezalel", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("no tool calls", "tool outcomes: none", "received from: none")
                .doesNotContain("last turn:");
    }

    @Test
    void anUnknownHouseShowsTheObservatorysMessage() {
        observatory.answer(
                STATS,
                404,
                "{\"error\":\"unknown_house\",\"message\":\"no house 'ezar'; houses: timmy, ezra, bezalel\"}");

        CliRun run = CliRun.wizard("stats", "--house", "ezar", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("observatory could not answer the stats of ezar (HTTP 404)")
                .contains("unknown_house: no house 'ezar'; houses: timmy, ezra, bezalel");
    }

    @Test
    void aBadSinceShowsTheObservatorysMessage() {
        observatory.answer(
                STATS, 400, "{\"error\":\"bad_parameter\",\"message\":\"since: expected e.g. 1h, got 'soon'\"}");

        CliRun run = CliRun.wizard("stats", "--since", "soon", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HTTP 400", "bad_parameter: since: expected e.g. 1h, got 'soon'");
    }

    @Test
    void emptyOptionsAreRefusedBeforeAsking() {
        CliRun house = CliRun.wizard("stats", "--house", "", "--observatory", observatory.url());
        CliRun since = CliRun.wizard("stats", "--since", " ", "--observatory", observatory.url());

        assertThat(house.exitCode()).isEqualTo(2);
        assertThat(house.err()).contains("--house must not be empty");
        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err()).contains("--since must not be empty");
        assertThat(observatory.requests()).isEmpty();
    }

    @Test
    void noHousesYet() {
        observatory.answer(STATS, 200, "[]");

        CliRun run = CliRun.wizard("stats", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no stats: the observatory knows no house yet");
    }
}

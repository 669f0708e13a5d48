package dev.uniwizard.mesh.cli.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.DigestReport;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DigestCommandTest {

    private static final String DIGEST = "/api/v1/digest";
    private static final String SEND = "/api/v1/digest/send";
    private static final String TEXT =
            "Mesh digest 2025-01-01: 2 incidents, 3 notifications.\ngateway 99.9% (target 99.5%)";

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
    void printsThePeriodCountsIncidentsAndObjectives() {
        observatory.answer(
                DIGEST,
                200,
                Json.write(digest(List.of(
                        new CheckIncidents("disk:gateway-1", 2, 2100, CheckState.CRITICAL),
                        new CheckIncidents("postgres:mesh", 1, 60, CheckState.ERROR)))));

        CliRun run = CliRun.wizard("digest", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(observatory.onlyRequest().method()).isEqualTo("GET");
        assertThat(run.out())
                .contains("digest from 2025-01-01T00:00:00Z to 2025-01-02T00:00:00Z")
                .contains("check snapshots: 2870 ok, 10 warn, 3 critical, 0 error")
                .contains("notifications sent: 3")
                .containsPattern("CHECK +INCIDENTS +PROBLEM TIME +WORST")
                .containsPattern("disk:gateway-1 +2 +35m 00s +CRITICAL")
                .containsPattern("postgres:mesh +1 +1m 00s +ERROR")
                .containsPattern("gateway +99\\.5% +99\\.9% +1m 26s")
                .containsPattern("gateway-request +mesh_gateway_request_seconds +480 +95 ms +1\\.2 s +p95 < 5 s +yes")
                .doesNotContain("Mesh digest 2025-01-01");
    }

    @Test
    void aQuietDayHasNoIncidents() {
        observatory.answer(DIGEST, 200, Json.write(digest(List.of())));

        CliRun run = CliRun.wizard("digest", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no incidents: no check was critical or in error");
    }

    @Test
    void textPrintsOnlyWhatChatPlatformsGet() {
        observatory.answer(DIGEST, 200, Json.write(digest(List.of())));

        CliRun run = CliRun.wizard("digest", "--text", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(TEXT + System.lineSeparator());
    }

    @Test
    void sendPostsAndPrintsWhatWasSent() {
        observatory.answer("POST", SEND, 200, Json.write(digest(List.of())));

        CliRun run = CliRun.wizard("digest", "--send", "--observatory", observatory.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(observatory.onlyRequest().method()).isEqualTo("POST");
        assertThat(observatory.onlyRequest().path()).isEqualTo(SEND);
        assertThat(run.out())
                .startsWith("digest sent: 2025-01-01T00:00:00Z to 2025-01-02T00:00:00Z")
                .contains("check snapshots: 2870 ok");
    }

    @Test
    void sendAcceptedWithoutABody() {
        observatory.answer("POST", SEND, 202, "");

        CliRun run = CliRun.wizard("digest", "--send", "--observatory", observatory.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("digest sent (HTTP 202)");
    }

    @Test
    void aRefusedSendShowsTheObservatorysMessage() {
        observatory.answer(
                "POST", SEND, 409, "{\"error\":\"no_channels\",\"message\":\"no alert channel is configured\"}");

        CliRun run = CliRun.wizard("digest", "--send", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("observatory could not answer the request to send the digest (HTTP 409)")
                .contains("no_channels: no alert channel is configured");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aDigestThatIsNotADigestExits2() {
        observatory.answer(DIGEST, 200, "[1,2,3]");

        CliRun run = CliRun.wizard("digest", "--observatory", observatory.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no DigestReport");
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }

    private static DigestReport digest(List<CheckIncidents> incidents) {
        Map<CheckState, Long> snapshots = new EnumMap<>(CheckState.class);
        snapshots.putAll(
                Map.of(CheckState.OK, 2870L, CheckState.WARN, 10L, CheckState.CRITICAL, 3L, CheckState.ERROR, 0L));
        return new DigestReport(
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-02T00:00:00Z"),
                snapshots,
                incidents,
                3,
                List.of(new LatencySlo("gateway-request", "mesh_gateway_request_seconds", 480, 0.095, 1.2, 5.0, true)),
                List.of(new UptimeSlo("gateway", 99.5, 99.9, 86_400, 86, 0, 432, 80.1, true)),
                TEXT);
    }
}

package dev.uniwizard.mesh.observatory.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.checks.Level;
import dev.uniwizard.mesh.observatory.config.ProbesConfig;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class HttpProbeCheckTest {

    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
    private static final Level DEFAULTS = new Level("observatory.checks.probe-latency", 500, 2000);
    private static final Duration COLLECTOR_TIMEOUT = Duration.ofSeconds(10);
    private static final FakeProbeTarget TARGET = new FakeProbeTarget();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        TARGET.close();
    }

    /** A probe as configured. */
    private record Probe(
            String url,
            int expectStatus,
            Duration timeout,
            Optional<Duration> latencyWarn,
            Optional<Duration> latencyCritical)
            implements ProbesConfig.Probe {}

    private static Probe probe(String path) {
        return new Probe(TARGET.url() + path, 200, Duration.ofSeconds(2), Optional.empty(), Optional.empty());
    }

    private static CheckResult run(String name, ProbesConfig.Probe probe) throws Exception {
        return new HttpProbeCheck(HTTP, ProbeSpec.of(name, probe, DEFAULTS, COLLECTOR_TIMEOUT))
                .run(AT)
                .getFirst();
    }

    @Test
    void anExpectedAnswerInTimeIsOkWithItsLatency() throws Exception {
        CheckResult result = run("gitea", probe("/ok"));

        assertThat(result.id()).isEqualTo("probe:gitea");
        assertThat(result.state()).isEqualTo(CheckState.OK);
        assertThat(result.unit()).isEqualTo("ms");
        assertThat(result.value()).isBetween(0.0, 500.0);
        assertThat(result.message())
                .startsWith("GET " + TARGET.url() + "/ok answered 200 in ")
                .endsWith("(warn at 500 ms, critical at 2.0 s)");
        assertThat(TARGET.requests("GET", "/ok").getLast().headers().get("user-agent"))
                .containsExactly("uni-wizard-observatory");
    }

    @Test
    void anotherStatusThanExpectedIsCritical() throws Exception {
        CheckResult result = run("gitea", probe("/broken"));

        assertThat(result.state()).isEqualTo(CheckState.CRITICAL);
        assertThat(result.value()).isNotNull();
        assertThat(result.message()).contains("/broken answered 500 in ").endsWith(", expected 200");
    }

    @Test
    void theExpectedStatusCanBeAnother() throws Exception {
        Probe expect500 =
                new Probe(TARGET.url() + "/broken", 500, Duration.ofSeconds(2), Optional.empty(), Optional.empty());

        assertThat(run("gitea", expect500).state()).isEqualTo(CheckState.OK);
    }

    @Test
    void aSlowAnswerIsWarnOrCriticalByItsOwnLatencyThresholds() throws Exception {
        Duration slow = Duration.ofMillis(FakeProbeTarget.SLOW_MILLIS);
        Probe warnOnly = new Probe(
                TARGET.url() + "/slow",
                200,
                Duration.ofSeconds(2),
                Optional.of(slow.dividedBy(3)),
                Optional.of(Duration.ofSeconds(5)));
        Probe critical = new Probe(
                TARGET.url() + "/slow",
                200,
                Duration.ofSeconds(2),
                Optional.of(Duration.ofMillis(10)),
                Optional.of(slow.dividedBy(2)));

        CheckResult warned = run("slow", warnOnly);
        CheckResult failed = run("slow", critical);

        assertThat(warned.state()).isEqualTo(CheckState.WARN);
        assertThat(warned.value()).isGreaterThanOrEqualTo((double) FakeProbeTarget.SLOW_MILLIS);
        assertThat(warned.message()).endsWith("(warn at 50 ms, critical at 5.0 s)");
        assertThat(failed.state()).isEqualTo(CheckState.CRITICAL);
    }

    @Test
    void noAnswerWithinTheTimeoutIsCritical() throws Exception {
        Probe hanging =
                new Probe(TARGET.url() + "/hang", 200, Duration.ofMillis(200), Optional.empty(), Optional.empty());

        CheckResult result = run("hang", hanging);

        assertThat(result.state()).isEqualTo(CheckState.CRITICAL);
        assertThat(result.value()).isNull();
        assertThat(result.message()).isEqualTo("GET " + TARGET.url() + "/hang got no answer within 200 ms");
    }

    @Test
    void anUnreachableEndpointIsCriticalWithTheReason() throws Exception {
        String closed = "http://127.0.0.1:" + NatsServerProcess.freePort() + "/health";

        CheckResult result =
                run("down", new Probe(closed, 200, Duration.ofSeconds(1), Optional.empty(), Optional.empty()));

        assertThat(result.state()).isEqualTo(CheckState.CRITICAL);
        assertThat(result.message()).startsWith("GET " + closed + " failed: ConnectException");
    }

    @Test
    void credentialsInTheUrlNeverReachTheMessage() throws Exception {
        String url = TARGET.url().replace("http://", "http://probe:secret@") + "/broken";

        CheckResult result =
                run("gitea", new Probe(url, 200, Duration.ofSeconds(2), Optional.empty(), Optional.empty()));

        assertThat(result.message()).doesNotContain("secret").contains(TARGET.url() + "/broken");
    }

    @Test
    void refusesBadProbeSettingsNamingTheKey() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> ProbeSpec.of("Gitea!", probe("/ok"), DEFAULTS, COLLECTOR_TIMEOUT))
                .hasMessageStartingWith("observatory.probes.Gitea!: a probe name must be");
        assertThatThrownBy(() -> ProbeSpec.of(
                        "gitea",
                        new Probe("ftp://example.org/x", 200, second, Optional.empty(), Optional.empty()),
                        DEFAULTS,
                        COLLECTOR_TIMEOUT))
                .hasMessageContaining(
                        "observatory.probes.gitea.url 'ftp://example.org/x' must be an absolute http(s) URL");
        assertThatThrownBy(() -> ProbeSpec.of(
                        "gitea",
                        new Probe(TARGET.url(), 99, second, Optional.empty(), Optional.empty()),
                        DEFAULTS,
                        COLLECTOR_TIMEOUT))
                .hasMessage("observatory.probes.gitea.expect-status must be an HTTP status (100-599), was 99");
        assertThatThrownBy(() -> ProbeSpec.of(
                        "gitea",
                        new Probe(TARGET.url(), 200, Duration.ofSeconds(10), Optional.empty(), Optional.empty()),
                        DEFAULTS,
                        COLLECTOR_TIMEOUT))
                .hasMessage("observatory.probes.gitea.timeout (PT10S) must be shorter than observatory.checks.timeout"
                        + " (PT10S)");
        assertThatThrownBy(() -> ProbeSpec.of(
                        "gitea",
                        new Probe(TARGET.url(), 200, second, Optional.of(Duration.ofSeconds(3)), Optional.empty()),
                        DEFAULTS,
                        COLLECTOR_TIMEOUT))
                .hasMessage("observatory.probes.gitea.latency-warn (3000.0) must be below"
                        + " observatory.probes.gitea.latency-critical (2000.0)");
    }
}

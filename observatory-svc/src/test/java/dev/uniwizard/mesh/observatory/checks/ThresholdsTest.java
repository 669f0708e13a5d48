package dev.uniwizard.mesh.observatory.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void aValueAtAThresholdHasItsState() {
        Level disk = Level.ratio("observatory.checks.disk", 0.8, 0.9);

        assertThat(disk.judge(0.0)).isEqualTo(CheckState.OK);
        assertThat(disk.judge(0.7999)).isEqualTo(CheckState.OK);
        assertThat(disk.judge(0.8)).isEqualTo(CheckState.WARN);
        assertThat(disk.judge(0.8999)).isEqualTo(CheckState.WARN);
        assertThat(disk.judge(0.9)).isEqualTo(CheckState.CRITICAL);
        assertThat(disk.judge(1.0)).isEqualTo(CheckState.CRITICAL);
    }

    @Test
    void refusesAWarnThresholdNotBelowItsCriticalOneNamingTheKeys() {
        assertThatThrownBy(() -> Level.ratio("observatory.checks.cpu", 0.95, 0.85))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("observatory.checks.cpu-warn (0.95) must be below observatory.checks.cpu-critical (0.85)");
        assertThatThrownBy(() -> new Level("observatory.checks.inbox", 10, 10))
                .hasMessageContaining("observatory.checks.inbox-warn (10.0) must be below");
    }

    @Test
    void refusesARatioOverOneAndANonPositiveWarn() {
        assertThatThrownBy(() -> Level.ratio("observatory.checks.disk", 80, 90))
                .hasMessage("observatory.checks.disk-critical is a ratio between 0 and 1 (0.9 for 90%), was 90.0");
        assertThatThrownBy(() -> new Level("observatory.checks.approvals", 0, 20))
                .hasMessage("observatory.checks.approvals-warn must be a positive number, was 0.0");
        assertThatThrownBy(() -> Level.ratio("observatory.checks.jetstream", Double.NaN, 0.9))
                .hasMessageContaining("observatory.checks.jetstream-warn must be a positive number");
    }

    @Test
    void latencyThresholdsAreInMilliseconds() {
        Level latency =
                Thresholds.latency("observatory.checks.probe-latency", Duration.ofMillis(500), Duration.ofSeconds(2));

        assertThat(latency.warn()).isEqualTo(500.0);
        assertThat(latency.critical()).isEqualTo(2000.0);
        assertThat(latency.judge(1999)).isEqualTo(CheckState.WARN);
        assertThatThrownBy(() -> Thresholds.latency(
                        "observatory.probes.gitea.latency", Duration.ofSeconds(3), Duration.ofSeconds(2)))
                .hasMessageContaining("observatory.probes.gitea.latency-warn (3000.0) must be below");
    }

    @Test
    void theCollectorTimeoutMustBeShorterThanTheInterval() {
        Thresholds.validateTiming(Duration.ofSeconds(30), Duration.ofSeconds(10));

        assertThatThrownBy(() -> Thresholds.validateTiming(Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .hasMessage(
                        "observatory.checks.timeout (PT10S) must be shorter than observatory.checks.interval (PT5S)");
        assertThatThrownBy(() -> Thresholds.validateTiming(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessage("observatory.checks.interval must be positive, was PT0S");
    }

    @Test
    void firstResultsAreTransitionsFromNothingAndUnchangedOnesAreNot() {
        CheckResult disk = CheckResult.of("disk", "gw-1", CheckState.CRITICAL, 0.95, "ratio", "disk full", AT);
        CheckResult cpu = CheckResult.of("cpu", "gw-1", CheckState.OK, 0.1, "ratio", "cpu fine", AT);
        CheckResult nats = CheckResult.of("nats", "server", CheckState.ERROR, null, null, "unreachable", AT);

        List<CheckTransition> transitions = Transitions.between(
                Map.of("disk:gw-1", CheckState.WARN, "cpu:gw-1", CheckState.OK), List.of(cpu, disk, nats));

        assertThat(transitions)
                .containsExactly(
                        new CheckTransition("disk:gw-1", CheckState.WARN, CheckState.CRITICAL, 0.95, "disk full", AT),
                        new CheckTransition("nats:server", null, CheckState.ERROR, null, "unreachable", AT));
    }

    @Test
    void aReportCountsEveryStateAndKnowsTheWorst() {
        CheckResult ok = CheckResult.of("cpu", "a", CheckState.OK, 0.1, "ratio", "fine", AT);
        CheckResult error = CheckResult.of("nats", "server", CheckState.ERROR, null, null, "unreachable", AT);
        CheckResult warn = CheckResult.of("disk", "a", CheckState.WARN, 0.85, "ratio", "filling", AT);

        ChecksReport report = ChecksReports.of(AT, List.of(ok, warn, error));

        assertThat(report.worst()).isEqualTo(CheckState.ERROR);
        assertThat(report.counts())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(CheckState.OK, 1L, CheckState.WARN, 1L, CheckState.CRITICAL, 0L, CheckState.ERROR, 1L));
        assertThat(ChecksReports.only(report, CheckState.WARN).checks()).containsExactly(warn);
        assertThat(ChecksReports.only(report, CheckState.WARN).counts()).isEqualTo(report.counts());
        assertThat(ChecksReports.of(AT, List.of()).worst()).isEqualTo(CheckState.OK);
    }
}

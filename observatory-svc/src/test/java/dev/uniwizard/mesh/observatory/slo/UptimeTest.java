package dev.uniwizard.mesh.observatory.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {

    private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration GAP = Duration.ofSeconds(90);

    @Test
    void theTimeAfterASnapshotThatIsNotOkCountsAsDown() {
        List<Uptime.Snapshot> snapshots = List.of(up(0), up(30), down(60), down(90), up(120), up(150), up(180));

        Uptime.Measured measured = Uptime.measure(snapshots, FROM, at(200), GAP);

        assertThat(measured.windowMillis()).isEqualTo(200_000);
        assertThat(measured.observedMillis()).isEqualTo(200_000);
        assertThat(measured.downMillis()).isEqualTo(60_000);
    }

    @Test
    void gapsLongerThanTheMaxGapAreUnobserved() {
        List<Uptime.Snapshot> snapshots = List.of(up(0), down(30), up(300), up(330));

        Uptime.Measured measured = Uptime.measure(snapshots, FROM, at(1000), GAP);

        // observed: 0-30 up and 300-330 up; 30-300 and 330-1000 are longer than the gap.
        assertThat(measured.observedMillis()).isEqualTo(60_000);
        assertThat(measured.downMillis()).isZero();
        assertThat(measured.unobservedMillis()).isEqualTo(940_000);
    }

    @Test
    void theSnapshotBeforeTheWindowCoversItsStart() {
        List<Uptime.Snapshot> snapshots = List.of(down(-20), up(10), up(40));

        Uptime.Measured measured = Uptime.measure(snapshots, FROM, at(60), GAP);

        assertThat(measured.observedMillis()).isEqualTo(60_000);
        assertThat(measured.downMillis()).isEqualTo(10_000);
    }

    @Test
    void theSloComparesWithTheTargetAndSpendsTheBudget() {
        // 10,000 s observed, 20 s down; target 99.5% allows 50 s.
        UptimeSlo slo = Uptime.slo("gateway", 99.5, new Uptime.Measured(12_000_000, 10_000_000, 20_000));

        assertThat(slo.percent()).isCloseTo(99.8, within(1e-9));
        assertThat(slo.observedSeconds()).isEqualTo(10_000);
        assertThat(slo.downSeconds()).isEqualTo(20);
        assertThat(slo.unobservedSeconds()).isEqualTo(2_000);
        assertThat(slo.budgetSeconds()).isCloseTo(50, within(1e-9));
        assertThat(slo.budgetRemainingPercent()).isCloseTo(60, within(1e-9));
        assertThat(slo.met()).isTrue();

        UptimeSlo overspent = Uptime.slo("gateway", 99.5, new Uptime.Measured(10_000_000, 10_000_000, 100_000));
        assertThat(overspent.budgetRemainingPercent()).isCloseTo(-100, within(1e-9));
        assertThat(overspent.met()).isFalse();
    }

    @Test
    void withoutObservationsThereIsNoVerdict() {
        UptimeSlo slo = Uptime.slo("gateway", 99.5, Uptime.measure(List.of(), FROM, at(3600), GAP));

        assertThat(slo.percent()).isNull();
        assertThat(slo.met()).isNull();
        assertThat(slo.budgetRemainingPercent()).isNull();
        assertThat(slo.unobservedSeconds()).isEqualTo(3600);
    }

    private static Uptime.Snapshot up(long seconds) {
        return new Uptime.Snapshot(at(seconds), true);
    }

    private static Uptime.Snapshot down(long seconds) {
        return new Uptime.Snapshot(at(seconds), false);
    }

    private static Instant at(long seconds) {
        return FROM.plusSeconds(seconds);
    }
}

package dev.uniwizard.mesh.observatory.slo;

import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.SloReport;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * The SLO report of a period: each service's availability from its {@code service:<name>} snapshots, and each latency
 * objective's p50/p95 from the scraped histogram samples.
 */
@Singleton
public class SloReports {

    private final SloObjectives objectives;
    private final SnapshotUptime snapshots;
    private final LatencySamples samples;

    public SloReports(SloObjectives objectives, SnapshotUptime snapshots, LatencySamples samples) {
        this.objectives = objectives;
        this.snapshots = snapshots;
        this.samples = samples;
    }

    public SloReport report(Instant from, Instant to) {
        return new SloReport(from, to, uptime(from, to), latencies(from, to));
    }

    public List<UptimeSlo> uptime(Instant from, Instant to) {
        return objectives.uptime().stream()
                .map(o -> Uptime.slo(
                        o.service(),
                        o.targetPercent(),
                        Uptime.measure(
                                snapshots.snapshots(CheckKinds.SERVICE + ":" + o.service(), from, to),
                                from,
                                to,
                                objectives.maxGap())))
                .toList();
    }

    public List<LatencySlo> latencies(Instant from, Instant to) {
        return objectives.latency().stream()
                .map(o -> latency(o, Histograms.increase(samples.windowFromProcessStart(o.name(), from, to))))
                .toList();
    }

    static LatencySlo latency(SloObjectives.LatencyObjective objective, HistogramSample increase) {
        Double p50 = finite(Histograms.quantile(0.5, increase));
        Double p95 = finite(Histograms.quantile(0.95, increase));
        Double target =
                objective.objective() == null ? null : objective.objective().toNanos() / 1e9;
        Boolean met = target == null || p95 == null ? null : p95 <= target;
        return new LatencySlo(
                objective.name(), objective.metric(), Math.round(increase.total()), p50, p95, target, met);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}

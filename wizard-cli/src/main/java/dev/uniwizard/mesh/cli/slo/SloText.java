package dev.uniwizard.mesh.cli.slo;

import dev.uniwizard.mesh.cli.observatory.Figures;
import dev.uniwizard.mesh.cli.text.Durations;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.io.PrintWriter;
import java.util.List;

/** SLO tables: availability per service and latency per objective; also used by {@code wizard digest}. */
public final class SloText {

    private SloText() {}

    /** One row per service: target, measured availability, downtime, unobserved time, budget left, met. */
    public static void uptime(PrintWriter out, List<UptimeSlo> services) {
        TextTable table = new TextTable("SERVICE", "TARGET", "UPTIME", "DOWN", "UNOBSERVED", "BUDGET LEFT", "MET");
        for (UptimeSlo slo : services) {
            table.row(
                    slo.service(),
                    Figures.percent(slo.targetPercent()),
                    slo.percent() == null ? "no data" : Figures.percent(slo.percent()),
                    duration(slo.downSeconds()),
                    duration(slo.unobservedSeconds()),
                    slo.budgetRemainingPercent() == null ? null : Figures.number(slo.budgetRemainingPercent(), 1) + "%",
                    Figures.met(slo.met()));
        }
        table.print(out);
    }

    /** One row per objective: its histogram, observations, p50, p95, the objective and whether it is met. */
    public static void latencies(PrintWriter out, List<LatencySlo> objectives) {
        TextTable table = new TextTable("LATENCY", "METRIC", "COUNT", "P50", "P95", "OBJECTIVE", "MET");
        for (LatencySlo slo : objectives) {
            table.row(
                    slo.name(),
                    slo.metric(),
                    String.valueOf(slo.count()),
                    Figures.seconds(slo.p50Seconds()),
                    Figures.seconds(slo.p95Seconds()),
                    slo.objectiveSeconds() == null ? "none" : "p95 < " + Figures.seconds(slo.objectiveSeconds()),
                    Figures.met(slo.met()));
        }
        table.print(out);
    }

    private static String duration(long seconds) {
        return Durations.uptime((double) seconds);
    }
}

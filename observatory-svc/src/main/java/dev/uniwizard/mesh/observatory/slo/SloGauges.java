package dev.uniwizard.mesh.observatory.slo;

import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.SloReport;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The SLO report over the default window as gauges, recomputed every {@code observatory.slo.scrape-interval} on every
 * node: {@code mesh_observatory_slo_uptime_ratio{service}}, {@code mesh_observatory_slo_budget_remaining_ratio{service}}
 * (negative when overspent) and {@code mesh_observatory_slo_latency_p95{name}} in seconds; NaN while unknown.
 */
@Startup
@Singleton
public class SloGauges {

    private static final Logger LOG = Logger.getLogger(SloGauges.class);

    private final SloObjectives objectives;
    private final SloReports reports;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    public SloGauges(SloObjectives objectives, SloReports reports, Clock clock, MeterRegistry registry) {
        this.objectives = objectives;
        this.reports = reports;
        this.clock = clock;
        this.registry = registry;
    }

    @PostConstruct
    void register() {
        for (SloObjectives.UptimeObjective objective : objectives.uptime()) {
            gauge(
                    "mesh.observatory.slo.uptime.ratio",
                    "service",
                    objective.service(),
                    "Availability over the SLO window, 0..1");
            gauge(
                    "mesh.observatory.slo.budget.remaining.ratio",
                    "service",
                    objective.service(),
                    "Error budget left over the SLO window, 1 = untouched, negative = overspent");
        }
        for (SloObjectives.LatencyObjective objective : objectives.latency()) {
            gauge(
                    "mesh.observatory.slo.latency.p95",
                    "name",
                    objective.name(),
                    "p95 latency over the SLO window, seconds");
        }
    }

    @Scheduled(
            identity = "observatory-slo-gauges",
            every = "${observatory.slo.scrape-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf(e, "the SLO gauges were not recomputed this time");
        }
    }

    /** Recomputes the gauges now. */
    public SloReport refresh() {
        Instant to = clock.instant();
        SloReport report = reports.report(to.minus(objectives.defaultWindow()), to);
        for (UptimeSlo uptime : report.uptime()) {
            set("mesh.observatory.slo.uptime.ratio", uptime.service(), uptime.percent());
            set("mesh.observatory.slo.budget.remaining.ratio", uptime.service(), uptime.budgetRemainingPercent());
        }
        for (LatencySlo latency : report.latencies()) {
            values.put(key("mesh.observatory.slo.latency.p95", latency.name()), orNaN(latency.p95Seconds()));
        }
        return report;
    }

    private void set(String metric, String service, Double percent) {
        values.put(key(metric, service), percent == null ? Double.NaN : percent / 100);
    }

    private void gauge(String metric, String tag, String value, String description) {
        String key = key(metric, value);
        values.putIfAbsent(key, Double.NaN);
        Gauge.builder(metric, values, v -> v.getOrDefault(key, Double.NaN))
                .tag(tag, value)
                .description(description)
                .register(registry);
    }

    private static String key(String metric, String value) {
        return metric + "|" + value;
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}

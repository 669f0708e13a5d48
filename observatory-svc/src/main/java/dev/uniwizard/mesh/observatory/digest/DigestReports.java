package dev.uniwizard.mesh.observatory.digest;

import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.DigestReport;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import dev.uniwizard.mesh.observatory.config.DigestConfig;
import dev.uniwizard.mesh.observatory.notify.AlertRecords;
import dev.uniwizard.mesh.observatory.slo.SloObjectives;
import dev.uniwizard.mesh.observatory.slo.SloReports;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The digest of the 24 hours before a time: check states, incidents, alerts sent, latency and uptime. */
@Singleton
public class DigestReports {

    /** The period of a digest. */
    public static final Duration PERIOD = Duration.ofHours(24);

    private final DigestQueries queries;
    private final AlertRecords alerts;
    private final SloReports slo;
    private final SloObjectives objectives;
    private final DigestConfig config;

    public DigestReports(
            DigestQueries queries, AlertRecords alerts, SloReports slo, SloObjectives objectives, DigestConfig config) {
        this.queries = queries;
        this.alerts = alerts;
        this.slo = slo;
        this.objectives = objectives;
        this.config = config;
    }

    /** The digest of {@code [to - 24h, to)}. */
    public DigestReport report(Instant to) {
        Instant from = to.minus(PERIOD);
        Map<CheckState, Long> states = queries.snapshotsByState(from, to);
        List<CheckIncidents> incidents = Incidents.of(queries.histories(from, to), from, to, objectives.maxGap());
        long sent = alerts.notificationsBetween(from, to);
        List<LatencySlo> latencies = slo.latencies(from, to);
        List<UptimeSlo> uptime = slo.uptime(from, to);
        return new DigestReport(
                from,
                to,
                states,
                incidents,
                sent,
                latencies,
                uptime,
                DigestText.of(to, config.zone(), states, incidents, sent, latencies, uptime));
    }
}

package dev.uniwizard.mesh.observatory.digest;

import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import dev.uniwizard.mesh.observatory.alerts.AlertText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The digest as chat text: a few lines on uptime, latency, check states, incidents and alerts. */
public final class DigestText {

    /** Incidents listed one per line; further ones are counted. */
    public static final int MAX_INCIDENTS = 10;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private DigestText() {}

    public static String of(
            Instant to,
            ZoneId zone,
            Map<CheckState, Long> snapshotsByState,
            List<CheckIncidents> incidents,
            long alertsSent,
            List<LatencySlo> latencies,
            List<UptimeSlo> uptime) {
        List<String> lines = new ArrayList<>();
        lines.add("📊 Mesh digest: the 24h to " + WHEN.format(to.atZone(zone)) + " " + zone.getId());
        if (!uptime.isEmpty()) {
            lines.add("Uptime: " + uptime.stream().map(DigestText::uptime).collect(Collectors.joining("; ")));
        }
        if (!latencies.isEmpty()) {
            lines.add("Latency: " + latencies.stream().map(DigestText::latency).collect(Collectors.joining("; ")));
        }
        lines.add("Checks: "
                + snapshotsByState.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().wireName())
                        .collect(Collectors.joining(", ")));
        if (incidents.isEmpty()) {
            lines.add("Incidents: none");
        } else {
            lines.add("Incidents: " + incidents.size() + (incidents.size() == 1 ? " check" : " checks"));
            incidents.stream()
                    .limit(MAX_INCIDENTS)
                    .forEach(i -> lines.add("• " + i.check() + " " + i.incidents() + "× "
                            + AlertText.duration(Duration.ofSeconds(i.problemSeconds())) + " "
                            + (i.worst() == null ? "" : i.worst().wireName())));
            if (incidents.size() > MAX_INCIDENTS) {
                lines.add("… and " + (incidents.size() - MAX_INCIDENTS) + " more");
            }
        }
        lines.add("Alerts sent: " + alertsSent);
        return lines.stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }

    private static String uptime(UptimeSlo slo) {
        if (slo.percent() == null) {
            return slo.service() + " not observed";
        }
        return slo.service() + " " + percent(slo.percent()) + " (objective " + percent(slo.targetPercent()) + ")"
                + (Boolean.TRUE.equals(slo.met()) ? " ✅" : " ❌");
    }

    private static String latency(LatencySlo slo) {
        if (slo.p95Seconds() == null) {
            return slo.name() + " no observations";
        }
        return slo.name() + " p50 " + seconds(slo.p50Seconds()) + ", p95 " + seconds(slo.p95Seconds())
                + (slo.objectiveSeconds() == null
                        ? ""
                        : " (objective " + seconds(slo.objectiveSeconds()) + ")"
                                + (Boolean.TRUE.equals(slo.met()) ? " ✅" : " ❌"))
                + ", " + slo.count() + " observed";
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String seconds(Double value) {
        if (value == null) {
            return "-";
        }
        return value < 1
                ? String.format(Locale.ROOT, "%.0fms", value * 1000)
                : String.format(Locale.ROOT, "%.2fs", value);
    }
}

package dev.uniwizard.mesh.core.observatory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The daily digest: answered by {@code GET /api/v1/digest} and sent at {@code observatory.digest.at}.
 *
 * @param from start of the period (24 hours before {@code to})
 * @param to end of the period
 * @param snapshotsByState check snapshots in the period per state (every state present)
 * @param incidents checks that had problems, most incidents first
 * @param alertsSent notifications sent in the period
 * @param latencies p50/p95 over the period (the SLO latency objectives)
 * @param uptime the SLO services' availability over the period
 * @param text the digest as sent to chat platforms
 */
public record DigestReport(
        Instant from,
        Instant to,
        Map<CheckState, Long> snapshotsByState,
        List<CheckIncidents> incidents,
        long alertsSent,
        List<LatencySlo> latencies,
        List<UptimeSlo> uptime,
        String text) {}

package dev.uniwizard.mesh.core.observatory;

import java.time.Instant;
import java.util.List;

/** The SLO report, answered by {@code GET /api/v1/slo?window=30d}. */
public record SloReport(Instant from, Instant to, List<UptimeSlo> uptime, List<LatencySlo> latencies) {}

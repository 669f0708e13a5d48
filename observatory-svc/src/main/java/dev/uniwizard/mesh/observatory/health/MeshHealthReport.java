package dev.uniwizard.mesh.observatory.health;

import java.time.Instant;
import java.util.List;

/**
 * The whole mesh as the observatory sees it, answered by {@code GET /api/v1/health/mesh}.
 *
 * @param status {@code UP} when every expected service has a fresh UP instance, {@code DOWN} when none has,
 *     {@code DEGRADED} in between
 * @param missing expected services with no fresh instance: never reported, or every instance stopped
 * @param services every instance ever seen, sorted by service then instance
 */
public record MeshHealthReport(String status, Instant checkedAt, List<String> missing, List<InstanceHealth> services) {}

package dev.uniwizard.mesh.observatory.health;

import java.time.Instant;
import java.util.List;

/**
 * One service as the observatory sees it, answered by {@code GET /api/v1/health/mesh/{service}}.
 *
 * @param status {@code UP} when at least one instance is fresh and UP, else {@code DOWN}
 * @param instances its instances, sorted by instance
 */
public record ServiceHealth(String service, String status, Instant checkedAt, List<InstanceHealth> instances) {}

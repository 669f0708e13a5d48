package dev.uniwizard.mesh.core.observatory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every check's latest result, answered by {@code GET /api/v1/checks}.
 *
 * @param at when the checks last ran
 * @param worst the worst state among them ({@link CheckState#severity()})
 * @param counts how many checks are in each state (every state present, 0 included)
 * @param checks sorted by id
 */
public record ChecksReport(Instant at, CheckState worst, Map<CheckState, Long> counts, List<CheckResult> checks) {}

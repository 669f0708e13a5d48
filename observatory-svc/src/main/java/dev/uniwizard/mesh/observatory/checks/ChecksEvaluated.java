package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import java.time.Instant;
import java.util.List;

/**
 * Fired (as a CDI event, synchronously) after every evaluation of all checks on the observatory node that leads the
 * evaluation, once the results are stored: alerting and the dashboard observe it.
 *
 * @param at when the checks ran
 * @param results every check's result, sorted by id
 */
public record ChecksEvaluated(Instant at, List<CheckResult> results) {}

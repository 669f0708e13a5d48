package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds {@link ChecksReport}s: the worst state and a count for every state (0 included). */
public final class ChecksReports {

    private ChecksReports() {}

    public static ChecksReport of(Instant at, List<CheckResult> results) {
        Map<CheckState, Long> counts = new EnumMap<>(CheckState.class);
        for (CheckState state : CheckState.values()) {
            counts.put(state, 0L);
        }
        CheckState worst = CheckState.OK;
        for (CheckResult result : results) {
            counts.merge(result.state(), 1L, Long::sum);
            worst = CheckState.worst(worst, result.state());
        }
        return new ChecksReport(at, worst, counts, List.copyOf(results));
    }

    /** The same report with only the checks in {@code state} listed; worst and counts still cover every check. */
    public static ChecksReport only(ChecksReport report, CheckState state) {
        return new ChecksReport(
                report.at(),
                report.worst(),
                report.counts(),
                report.checks().stream().filter(check -> check.state() == state).toList());
    }
}

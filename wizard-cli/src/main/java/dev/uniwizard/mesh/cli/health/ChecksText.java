package dev.uniwizard.mesh.cli.health;

import dev.uniwizard.mesh.cli.observatory.Figures;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/**
 * The observatory's checks on the terminal: a table of the checks that are not ok (worst first), or of all of them,
 * and a summary line {@code checks: CRITICAL (12 ok, 1 warn, 1 critical, 0 error) at <time>}.
 */
final class ChecksText {

    static final int MAX_MESSAGE = 100;

    private ChecksText() {}

    static void print(PrintWriter out, ChecksReport report, boolean all) {
        List<CheckResult> checks = report.checks() == null ? List.of() : report.checks();
        List<CheckResult> shown = checks.stream()
                .filter(check -> all || check.state() != CheckState.OK)
                .sorted(Comparator.comparing((CheckResult check) -> -severity(check.state()))
                        .thenComparing(CheckResult::id, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        if (!shown.isEmpty()) {
            TextTable table = new TextTable("CHECK", "STATE", "VALUE", "MESSAGE");
            for (CheckResult check : shown) {
                table.row(
                        check.id(),
                        Figures.state(check.state()),
                        Figures.checkValue(check.value(), check.unit()),
                        Figures.firstLine(check.message(), MAX_MESSAGE));
            }
            table.print(out);
        } else if (checks.isEmpty()) {
            out.println("the observatory has no check results yet");
        } else {
            out.println("all " + checks.size() + " checks are ok (--all lists them)");
        }
        out.println("checks: " + Figures.state(report.worst()) + " (" + Figures.stateCounts(report.counts()) + ")"
                + (report.at() == null ? "" : " at " + Times.seconds(report.at())));
    }

    private static int severity(CheckState state) {
        return state == null ? -1 : state.severity();
    }
}

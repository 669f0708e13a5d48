package dev.uniwizard.mesh.cli.history;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.observatory.Figures;
import dev.uniwizard.mesh.cli.observatory.ObservatoryAnswers;
import dev.uniwizard.mesh.cli.observatory.ObservatoryOptions;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.observatory.AlertRecord;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import dev.uniwizard.mesh.core.observatory.HistoryReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard history}: the latest check state changes and alert notifications, newest first. */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "Print the latest check state changes and alert notifications, newest first.",
            "From GET /api/v1/history?limit=N: the last N state changes of the observatory's checks and the last N"
                    + " notifications it sent, as two tables."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:invalid input, or the observatory is not reachable or refused"})
public final class HistoryCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 1000;
    static final int MAX_TEXT = 70;

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "N",
            defaultValue = "20",
            description = "how many of each, 1-" + MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    ObservatoryOptions observatory;

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "N must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        try (ObservatoryClient client = observatory.client()) {
            HistoryReport report = ObservatoryAnswers.read(client.history(limit), HistoryReport.class, "the history");
            PrintWriter out = spec.commandLine().getOut();
            List<CheckTransition> transitions = newestFirst(report.transitions(), CheckTransition::at);
            List<AlertRecord> alerts = newestFirst(report.alerts(), AlertRecord::sentAt);
            out.println("STATE CHANGES (" + count(transitions.size(), "change", limit) + ", newest first)");
            if (transitions.isEmpty()) {
                out.println("no state changes recorded");
            } else {
                transitions(out, transitions);
            }
            out.println();
            out.println("NOTIFICATIONS (" + count(alerts.size(), "notification", limit) + ", newest first)");
            if (alerts.isEmpty()) {
                out.println("no notifications sent");
            } else {
                alerts(out, alerts);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void transitions(PrintWriter out, List<CheckTransition> transitions) {
        TextTable table = new TextTable("TIME", "CHECK", "FROM", "TO", "VALUE", "MESSAGE");
        for (CheckTransition change : transitions) {
            table.row(
                    Times.seconds(change.at()),
                    change.check(),
                    change.from() == null ? "(first)" : Figures.state(change.from()),
                    Figures.state(change.to()),
                    change.value() == null ? null : Figures.number(change.value(), 3),
                    Figures.firstLine(change.message(), MAX_TEXT));
        }
        table.print(out);
    }

    private static void alerts(PrintWriter out, List<AlertRecord> alerts) {
        TextTable table = new TextTable("TIME", "STATUS", "CHANNEL", "DESTINATION", "DELIVERED", "ALERTS", "TEXT");
        for (AlertRecord alert : alerts) {
            table.row(
                    Times.seconds(alert.sentAt()),
                    alert.status(),
                    alert.channel(),
                    alert.destination(),
                    alert.delivered() ? "yes" : "NO: " + Figures.firstLine(alert.error(), MAX_TEXT),
                    String.valueOf(alert.alerts()),
                    Figures.firstLine(alert.text(), MAX_TEXT));
        }
        table.print(out);
    }

    /** The items, newest first whatever order they came in; those without a time last. */
    private static <T> List<T> newestFirst(List<T> items, Function<T, Instant> time) {
        if (items == null) {
            return List.of();
        }
        return items.stream()
                .sorted(Comparator.comparing(time, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .reversed())
                .toList();
    }

    private static String count(int count, String noun, int limit) {
        return count + " " + noun + (count == 1 ? "" : "s") + (count >= limit ? ", the latest " + limit : "");
    }
}

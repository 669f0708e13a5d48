package dev.uniwizard.mesh.cli.stats;

import dev.uniwizard.mesh.cli.observatory.Figures;
import dev.uniwizard.mesh.cli.text.Durations;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.observatory.AgentStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Agent stats on the terminal: one row per house, and for one house its tools and its traffic. */
final class StatsText {

    private StatsText() {}

    static void table(PrintWriter out, List<AgentStats> houses) {
        TextTable table = new TextTable(
                "HOUSE",
                "TURNS",
                "PER MIN",
                "TOOLS/TURN",
                "P50",
                "P95",
                "OK",
                "RETRIED",
                "FAILED",
                "INBOX",
                "LAST TURN");
        for (AgentStats stats : houses) {
            table.row(
                    stats.house(),
                    String.valueOf(stats.turns()),
                    Figures.number(stats.turnsPerMinute(), 2),
                    stats.toolCallsPerTurn() == null ? null : Figures.number(stats.toolCallsPerTurn(), 2),
                    Figures.millis(stats.turnP50Millis()),
                    Figures.millis(stats.turnP95Millis()),
                    outcome(stats, "ok"),
                    outcome(stats, "retried"),
                    outcome(stats, "failed"),
                    stats.inboxDepth() == null ? "?" : String.valueOf(stats.inboxDepth()),
                    stats.secondsSinceLastTurn() == null
                            ? "never"
                            : Durations.uptime(stats.secondsSinceLastTurn()) + " ago");
        }
        table.print(out);
        AgentStats first = houses.getFirst();
        out.println("since " + Times.seconds(first.since()) + " until " + Times.seconds(first.until()));
    }

    static void details(PrintWriter out, AgentStats stats) {
        Map<String, Long> tools = stats.tools() == null ? Map.of() : stats.tools();
        if (tools.isEmpty()) {
            out.println("no tool calls");
        } else {
            TextTable table = new TextTable("TOOL", "CALLS");
            tools.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue()
                            .reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(tool -> table.row(tool.getKey(), String.valueOf(tool.getValue())));
            table.print(out);
        }
        out.println("tool outcomes: " + counts(stats.toolOutcomes()));
        out.println("received from: " + counts(stats.received()));
        out.println("sent to:       " + counts(stats.sent()));
        if (stats.lastTurnAt() != null) {
            out.println("last turn:     " + Times.seconds(stats.lastTurnAt()));
        }
    }

    private static String outcome(AgentStats stats, String outcome) {
        Long count = stats.outcomes() == null ? null : stats.outcomes().get(outcome);
        return String.valueOf(count == null ? 0 : count);
    }

    /** {@code operator 12, house 3}, largest first; {@code none} when empty. */
    private static String counts(Map<String, Long> counts) {
        if (counts == null || counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}

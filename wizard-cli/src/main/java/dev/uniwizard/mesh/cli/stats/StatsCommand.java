package dev.uniwizard.mesh.cli.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.observatory.ObservatoryAnswers;
import dev.uniwizard.mesh.cli.observatory.ObservatoryOptions;
import dev.uniwizard.mesh.core.observatory.AgentStats;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard stats}: what the houses did over a period: turns, latency, outcomes, tools, inbox, last turn. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Print what the houses did: turns, latency, outcomes, tools, inbox, last turn.",
            "From GET /api/v1/stats: each house's turns and turns per minute, turn latency, outcomes, tool calls per"
                    + " turn, inbox depth and time since the last turn. With --house, also its tool calls per tool"
                    + " and outcome and its messages received and sent."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:invalid input, or the observatory is not reachable or refused"})
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--house", paramLabel = "<house>", description = "only this house (e.g. ezra)")
    String house;

    @Option(
            names = "--since",
            paramLabel = "<duration>",
            description = "the start: a duration back from now (15m, 1h, 7d) or an ISO-8601 instant (default: the"
                    + " observatory's, 1h)")
    String since;

    @Mixin
    ObservatoryOptions observatory;

    @Override
    public Integer call() {
        if (house != null && house.isBlank()) {
            throw CliError.usage("--house must not be empty: give a house name, e.g. ezra");
        }
        if (since != null && since.isBlank()) {
            throw CliError.usage("--since must not be empty: give e.g. 1h, 30m or 7d");
        }
        try (ObservatoryClient client = observatory.client()) {
            String what = "the stats" + (house == null ? "" : " of " + house);
            HttpResult result = client.stats(house == null ? null : house.strip(), since);
            List<AgentStats> stats = read(result, what);
            PrintWriter out = spec.commandLine().getOut();
            if (stats.isEmpty()) {
                out.println("no stats: the observatory knows no house yet");
            } else {
                StatsText.table(out, stats);
                if (house != null && stats.size() == 1) {
                    out.println();
                    StatsText.details(out, stats.getFirst());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** One house's stats (an object) or every house's (an array). */
    private static List<AgentStats> read(HttpResult result, String what) {
        boolean array =
                result.successful() && result.json().map(JsonNode::isArray).orElse(false);
        if (array) {
            return List.of(ObservatoryAnswers.read(result, AgentStats[].class, what));
        }
        return List.of(ObservatoryAnswers.read(result, AgentStats.class, what));
    }
}

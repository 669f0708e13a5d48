package dev.uniwizard.mesh.cli.slo;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.observatory.ObservatoryAnswers;
import dev.uniwizard.mesh.cli.observatory.ObservatoryOptions;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.observatory.LatencySlo;
import dev.uniwizard.mesh.core.observatory.SloReport;
import dev.uniwizard.mesh.core.observatory.UptimeSlo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard slo}: the service level objectives over a window, as the observatory computes them. */
@Command(
        name = "slo",
        mixinStandardHelpOptions = true,
        description = {
            "Print the service level objectives: availability and latency over a window.",
            "From GET /api/v1/slo: each service's availability against its target, with downtime and error budget"
                    + " left, and the p50/p95 latency of each latency objective."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every objective with a verdict is met",
            "1:an objective is not met",
            "2:invalid input, or the observatory is not reachable or refused (e.g. a bad --window)"
        })
public final class SloCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--window",
            paramLabel = "<duration>",
            description = "the window, e.g. 30d, 7d, 24h (default: the observatory's, 30d)")
    String window;

    @Mixin
    ObservatoryOptions observatory;

    @Override
    public Integer call() {
        if (window != null && window.isBlank()) {
            throw CliError.usage("--window must not be empty: give e.g. 30d, 7d or 24h");
        }
        try (ObservatoryClient client = observatory.client()) {
            String what = window == null ? "the SLO report" : "the SLO report for --window " + window;
            SloReport report = ObservatoryAnswers.read(client.slo(window), SloReport.class, what);
            PrintWriter out = spec.commandLine().getOut();
            out.println("SLOs from " + Times.seconds(report.from()) + " to " + Times.seconds(report.to())
                    + (window == null ? "" : " (" + window + ")"));
            List<UptimeSlo> uptime = report.uptime() == null ? List.of() : report.uptime();
            List<LatencySlo> latencies = report.latencies() == null ? List.of() : report.latencies();
            out.println();
            if (uptime.isEmpty()) {
                out.println("no availability objectives");
            } else {
                SloText.uptime(out, uptime);
            }
            out.println();
            if (latencies.isEmpty()) {
                out.println("no latency objectives");
            } else {
                SloText.latencies(out, latencies);
            }
            long missed = Stream.concat(
                            uptime.stream().map(UptimeSlo::met),
                            latencies.stream().map(LatencySlo::met))
                    .filter(Boolean.FALSE::equals)
                    .count();
            out.println();
            out.println(
                    missed == 0
                            ? "every objective with a verdict is met"
                            : missed + (missed == 1 ? " objective is" : " objectives are") + " NOT met");
            out.flush();
            return missed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}

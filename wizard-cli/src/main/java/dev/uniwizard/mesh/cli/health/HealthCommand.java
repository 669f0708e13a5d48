package dev.uniwizard.mesh.cli.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.observatory.ObservatoryAnswers;
import dev.uniwizard.mesh.cli.observatory.ObservatoryOptions;
import dev.uniwizard.mesh.cli.text.Durations;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.cli.text.TextTable;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard health}: the observatory's view of the whole mesh: every service, then the checks that are not ok. */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = {
            "Print the health of every service and the checks, as the observatory sees them.",
            "The services come from GET /api/v1/health/mesh; the checks from GET /api/v1/checks: how many are in each"
                    + " state, and every check that is not ok with its message (--all: every check)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the mesh is UP and no check is critical (warn and error checks are shown but do not fail)",
            "1:the mesh is DEGRADED, DOWN or reports no status, or a check is critical",
            "2:invalid input, or the observatory is not reachable or failed"
        })
public final class HealthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ObservatoryOptions observatory;

    @Option(names = "--all", description = "list every check, not only those that are not ok")
    boolean all;

    @Override
    public Integer call() {
        try (ObservatoryClient client = observatory.client()) {
            HttpResult result = client.meshHealth();
            // A health endpoint may answer 503 for a mesh that is not UP: its body is still the report.
            Optional<JsonNode> report = result.json().filter(json -> json.has("status") || json.has("services"));
            if (report.isEmpty() || (result.status() != 200 && result.status() != 503)) {
                throw CliError.usage("observatory at " + client.baseUrl() + " did not return the mesh health (HTTP "
                        + result.status() + "): " + result.problem());
            }
            boolean meshUp = printServices(report.get());
            ChecksReport checks = ObservatoryAnswers.read(client.checks(), ChecksReport.class, "the checks");
            PrintWriter out = spec.commandLine().getOut();
            out.println();
            ChecksText.print(out, checks, all);
            out.flush();
            boolean critical = checks.worst() == CheckState.CRITICAL;
            return meshUp && !critical ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** Prints the services and the mesh's status; true when it is UP. */
    private boolean printServices(JsonNode report) {
        PrintWriter out = spec.commandLine().getOut();
        JsonNode services = report.path("services");
        if (services.isArray() && !services.isEmpty()) {
            TextTable table = new TextTable("SERVICE", "INSTANCE", "STATUS", "VERSION", "UPTIME", "LAST SEEN");
            for (JsonNode service : services) {
                table.row(
                        Json.text(service, "service"),
                        Json.text(service, "instance"),
                        Json.text(service, "status"),
                        Json.text(service, "version"),
                        Durations.uptime(Json.number(service, "uptimeSeconds")),
                        Durations.lastSeen(Json.number(service, "lastSeenSecondsAgo"), Json.flag(service, "stale")));
            }
            table.print(out);
        } else {
            out.println("no services have reported to the observatory yet");
        }
        String status = Json.text(report, "status");
        String overall = status == null ? "UNKNOWN" : status.toUpperCase(Locale.ROOT);
        int count = services.isArray() ? services.size() : 0;
        out.println("mesh: " + overall + " (" + count + (count == 1 ? " service)" : " services)"));
        out.flush();
        return "UP".equals(overall);
    }
}

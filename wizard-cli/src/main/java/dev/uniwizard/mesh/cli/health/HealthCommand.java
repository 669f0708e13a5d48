package dev.uniwizard.mesh.cli.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.cli.text.TextTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wizard health}: the observatory's view of the whole mesh. */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        description = "Print the health of every service, as the observatory sees it (GET /api/v1/health/mesh).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the mesh is UP",
            "1:the mesh is DEGRADED, DOWN or reports no status",
            "2:invalid input, or the observatory is not reachable or failed"
        })
public final class HealthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--observatory",
            paramLabel = "<url>",
            defaultValue = "${env:WIZARD_OBSERVATORY:-" + ObservatoryClient.DEFAULT_URL + "}",
            description = {"observatory URL, env WIZARD_OBSERVATORY", "default: ${DEFAULT-VALUE}"})
    String observatory;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "10",
            description = "how long to wait for the observatory (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        try (ObservatoryClient client = new ObservatoryClient(observatory, Duration.ofSeconds(timeoutSeconds))) {
            HttpResult result = client.meshHealth();
            // A health endpoint may answer 503 for a mesh that is not UP: its body is still the report.
            Optional<JsonNode> report = result.json().filter(json -> json.has("status") || json.has("services"));
            if (report.isEmpty() || (result.status() != 200 && result.status() != 503)) {
                throw CliError.usage("observatory at " + client.baseUrl() + " did not return the mesh health (HTTP "
                        + result.status() + "): " + result.problem());
            }
            return print(report.get());
        }
    }

    private int print(JsonNode report) {
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
        return "UP".equals(overall) ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}

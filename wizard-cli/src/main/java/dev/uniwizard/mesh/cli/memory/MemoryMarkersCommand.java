package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryMarkers;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard memory markers}: the marker lines a house puts into its prompt for a project. */
@Command(
        name = "markers",
        mixinStandardHelpOptions = true,
        description = "Print the memory markers a house's prompt carries for a project, most relevant first"
                + " (GET /api/v1/memory/markers).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:memory refused the request", "2:invalid input or memory not reachable"})
public final class MemoryMarkersCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "<project>", description = "the project key")
    String project;

    @Option(names = "--house", required = true, paramLabel = "<house>", description = "the house whose prompt it is")
    String house;

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            description = "at most this many lines, 1-" + MAX_LIMIT + " (default: memory's, 12)")
    Integer limit;

    @Mixin
    MemoryOptions memory;

    @Override
    public Integer call() {
        MarkersRequest request = new MarkersRequest(
                MemoryInputs.required(spec, "--project", project),
                MemoryInputs.required(spec, "--house", house),
                MemoryInputs.limit(spec, limit, MAX_LIMIT));
        try (MemoryClient client = memory.client()) {
            MemoryMarkers markers = MemoryAnswers.read(client.markers(request), MemoryMarkers.class);
            PrintWriter out = spec.commandLine().getOut();
            if (markers.lines().isEmpty()) {
                out.println("no memory markers for " + request.house() + " in " + request.project());
            }
            markers.lines().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
    }
}

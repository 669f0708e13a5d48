package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.memory.ProjectMemoryList;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard memory list}: a project's memory entries, newest first. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List a project's memory entries, newest first (GET /api/v1/memory/entries).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "1:memory refused the request", "2:invalid input or memory not reachable"})
public final class MemoryListCommand implements Callable<Integer> {

    static final int MAX_LIMIT = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "<project>", description = "the project key")
    String project;

    @Option(
            names = "--type",
            paramLabel = "<type>",
            description = "only decision, pattern, correction or architecture entries")
    String type;

    @Option(
            names = "--house",
            paramLabel = "<house>",
            description = "only entries served to this house (its own and those for every house)")
    String house;

    @Option(names = "--all", description = "also entries that are no longer served (expired or ended)")
    boolean all;

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            defaultValue = "50",
            description = "at most this many, 1-" + MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    MemoryOptions memory;

    @Override
    public Integer call() {
        ProjectMemoryListRequest request = new ProjectMemoryListRequest(
                MemoryInputs.required(spec, "--project", project),
                MemoryInputs.memoryType(spec, type),
                MemoryInputs.optional(spec, "--house", house),
                all,
                MemoryInputs.limit(spec, limit, MAX_LIMIT));
        try (MemoryClient client = memory.client()) {
            ProjectMemoryList list = MemoryAnswers.read(client.list(request), ProjectMemoryList.class);
            print(list, request);
            return ExitCodes.OK;
        }
    }

    private void print(ProjectMemoryList list, ProjectMemoryListRequest request) {
        PrintWriter out = spec.commandLine().getOut();
        String which = (all ? "" : "active ") + "memory "
                + (request.memoryType() == null ? "entries" : request.memoryType() + " entries");
        String of = " of " + request.project() + (request.house() == null ? "" : " for " + request.house());
        int count = list.entries().size();
        if (count == 0) {
            out.println("no " + which + of + (all ? "" : " (see expired ones too with --all)"));
        } else {
            EntryText.table(out, list.entries());
            out.println(count + " " + (count == 1 ? which.replace("entries", "entry") : which) + of
                    + (count == limit ? " (the newest " + limit + "; see more with --limit)" : ""));
        }
        out.flush();
    }
}

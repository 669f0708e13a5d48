package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import dev.uniwizard.mesh.core.memory.SearchScope;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard memory search}: full-text search of messages, project memory and summaries, best first. */
@Command(
        name = "search",
        modelTransformer = FreeText.class,
        description = {
            "Search what memory keeps, best first (GET /api/v1/memory/search).",
            "The query reads like a web search: \"exact phrase\", or, -excluded. Matched words are shown between"
                    + " « and »."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:searched (with or without hits)",
            "1:memory refused the search",
            "2:invalid input or memory not reachable"
        })
public final class MemorySearchCommand implements Callable<Integer> {

    /** Hits memory answers when no limit is given (memory.search.default-limit). */
    static final int DEFAULT_LIMIT = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--help", usageHelp = true, description = FreeText.HELP)
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "<query>", description = "the words to look for, any language")
    List<String> query;

    @Option(
            names = "--scope",
            paramLabel = "<scope>",
            defaultValue = SearchScope.ALL,
            description = "all, messages, memory or summaries (default: ${DEFAULT-VALUE})")
    String scope;

    @Option(names = "--house", paramLabel = "<house>", description = "only hits of this house")
    String house;

    @Option(names = "--conversation", paramLabel = "<id>", description = "only hits of this conversation")
    String conversation;

    @Option(
            names = "--project",
            paramLabel = "<project>",
            description = "only project memory of this project (messages and summaries have none)")
    String project;

    @Option(
            names = "--from",
            paramLabel = "<instant>",
            description = "only hits at or after, e.g. 2026-11-01T00:00:00Z")
    String from;

    @Option(names = "--to", paramLabel = "<instant>", description = "only hits before this instant")
    String to;

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            description = "at most this many hits (default: memory's, " + DEFAULT_LIMIT + "; at most 100 unless"
                    + " memory is set up for more)")
    Integer limit;

    @Mixin
    MemoryOptions memory;

    @Override
    public Integer call() {
        MemorySearchRequest request = request();
        try (MemoryClient client = memory.client()) {
            MemorySearchResult result = MemoryAnswers.read(client.search(request), MemorySearchResult.class);
            PrintWriter out = spec.commandLine().getOut();
            SearchText.print(out, result, request.query(), limit == null ? DEFAULT_LIMIT : limit);
            out.flush();
            return ExitCodes.OK;
        }
    }

    private MemorySearchRequest request() {
        Instant after = MemoryInputs.instant(spec, "--from", from);
        Instant before = MemoryInputs.instant(spec, "--to", to);
        if (after != null && before != null && !after.isBefore(before)) {
            throw new ParameterException(spec.commandLine(), "--from " + from + " is not before --to " + to);
        }
        return new MemorySearchRequest(
                FreeText.words(spec, "the query", query),
                MemoryInputs.oneOf(spec, "--scope", scope, SearchScope.VALUES),
                MemoryInputs.optional(spec, "--house", house),
                MemoryInputs.optional(spec, "--conversation", conversation),
                MemoryInputs.optional(spec, "--project", project),
                after,
                before,
                MemoryInputs.limit(spec, limit));
    }
}

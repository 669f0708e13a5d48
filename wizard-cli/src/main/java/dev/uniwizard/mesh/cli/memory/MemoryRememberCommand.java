package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.memory.PromoteResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard memory remember}: keep a piece of knowledge as project memory, as the operator. */
@Command(
        name = "remember",
        modelTransformer = FreeText.class,
        description = {
            "Keep knowledge as project memory (POST /api/v1/memory/entries), promoted by you.",
            "Houses whose prompts carry it see its marker line."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:remembered", "1:memory refused it", "2:invalid input or memory not reachable"})
public final class MemoryRememberCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--help", usageHelp = true, description = FreeText.HELP)
    boolean help;

    @Parameters(arity = "1..*", paramLabel = "<content>", description = "the knowledge, in full")
    List<String> content;

    @Option(
            names = "--project",
            required = true,
            paramLabel = "<project>",
            description = "the project key, e.g. org/repo")
    String project;

    @Option(
            names = "--type",
            required = true,
            paramLabel = "<type>",
            description = "decision, pattern, correction or architecture")
    String type;

    @Option(
            names = "--marker",
            paramLabel = "<line>",
            description = "its one-line form for prompts (default: memory derives it from the content)")
    String marker;

    @Option(
            names = "--houses",
            split = ",",
            paramLabel = "<house>",
            description = "only these houses' prompts carry it, e.g. ezra,bezalel (default: every house)")
    List<String> houses;

    @Option(
            names = "--relevance",
            paramLabel = "<0-1>",
            description = "higher markers come first (default: memory's, 0.5)")
    Double relevance;

    @Mixin
    OperatorOption operator;

    @Mixin
    MemoryOptions memory;

    @Override
    public Integer call() {
        PromoteRequest request = request();
        String promotedBy = operator.name();
        try (MemoryClient client = memory.client()) {
            PromoteResult result = MemoryAnswers.read(client.remember(request, promotedBy), PromoteResult.class);
            PrintWriter out = spec.commandLine().getOut();
            if (result.entry() == null) {
                out.println("remembered, but memory did not say as which entry");
            } else {
                out.println(
                        (result.duplicate() ? "already remembered " : "remembered ") + EntryText.name(result.entry()));
                if (result.entry().marker() != null) {
                    out.println("marker: " + result.entry().marker());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private PromoteRequest request() {
        if (relevance != null && !(relevance >= 0 && relevance <= 1)) {
            throw new ParameterException(spec.commandLine(), "--relevance must be between 0 and 1, got " + relevance);
        }
        List<String> forHouses = houses == null
                ? List.of()
                : houses.stream()
                        .map(house -> MemoryInputs.required(spec, "a house in --houses", house))
                        .toList();
        return new PromoteRequest(
                null,
                MemoryInputs.required(spec, "--project", project),
                MemoryInputs.memoryType(spec, type),
                FreeText.words(spec, "the content", content),
                MemoryInputs.optional(spec, "--marker", marker),
                forHouses,
                null,
                null,
                relevance,
                null);
    }
}

package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.core.memory.ChainReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code wizard memory verify}: is memory's tamper-evident chain intact, and if not, where does it break first. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Walk memory's tamper-evident chain (GET /api/v1/memory/verify) and report the first broken link.",
            "Every stored message and memory entry is a link; signed checkpoints pin the chain's head."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the chain is intact",
            "1:the chain is BROKEN (a link or a checkpoint does not hold)",
            "2:invalid input, memory not reachable, or memory could not verify (HTTP error)"
        })
public final class MemoryVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print memory's report as it came (the exit code still tells)")
    boolean json;

    @Mixin
    MemoryOptions memory;

    @Override
    public Integer call() {
        try (MemoryClient client = memory.client()) {
            HttpResult result = client.verify();
            // A refusal must not look like a broken chain: exit code 1 is kept for that.
            ChainReport report = MemoryAnswers.read(result, ChainReport.class, ExitCodes.USAGE_OR_REQUEST);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(result.body().strip());
            } else {
                ChainText.print(out, report);
            }
            out.flush();
            return ChainText.holds(report) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}

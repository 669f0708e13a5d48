package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.cli.text.Times;
import dev.uniwizard.mesh.core.memory.ProjectMemoryEntry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard memory expire}: stop serving a memory entry; it is kept, and stays searchable. */
@Command(
        name = "expire",
        mixinStandardHelpOptions = true,
        description = {
            "Stop serving a memory entry as a marker (POST /api/v1/memory/entries/<id>/expire).",
            "The entry is kept and stays searchable; expiring it again changes nothing."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:expired", "1:memory refused (e.g. no such entry)", "2:invalid input or memory not reachable"
        })
public final class MemoryExpireCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "<id>",
            description = "the entry's id, as 'wizard memory list' shows it (12 or #12)")
    String id;

    @Option(names = "--reason", paramLabel = "<text>", description = "why, kept with the entry")
    String reason;

    @Mixin
    OperatorOption operator;

    @Mixin
    MemoryOptions memory;

    @Override
    public Integer call() {
        long entryId = entryId();
        String why = MemoryInputs.optional(spec, "--reason", reason);
        String expiredBy = operator.name();
        try (MemoryClient client = memory.client()) {
            ProjectMemoryEntry entry =
                    MemoryAnswers.read(client.expire(entryId, why, expiredBy), ProjectMemoryEntry.class);
            PrintWriter out = spec.commandLine().getOut();
            String at = Times.seconds(entry.expiredAt());
            out.println("expired " + EntryText.name(entry) + (at == null ? "" : " at " + at)
                    + (entry.expiredReason() == null ? "" : ": " + entry.expiredReason()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private long entryId() {
        String text = id.strip();
        try {
            long entryId = Long.parseLong(text.startsWith("#") ? text.substring(1) : text);
            if (entryId > 0) {
                return entryId;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ParameterException(
                spec.commandLine(), "the entry id must be a whole number above 0 such as 12, got '" + id + "'");
    }
}

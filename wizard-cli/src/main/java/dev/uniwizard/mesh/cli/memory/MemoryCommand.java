package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard memory}: what memory-svc keeps: its tamper-evident chain, search, and project memory. */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = "What memory keeps: verify its chain, search it, and list, remember or expire project memory.",
        subcommands = {
            MemoryVerifyCommand.class,
            MemorySearchCommand.class,
            MemoryListCommand.class,
            MemoryRememberCommand.class,
            MemoryExpireCommand.class,
            MemoryMarkersCommand.class
        })
public final class MemoryCommand implements Callable<Integer> {

    static final String COMMANDS = "verify, search, list, remember, expire or markers";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("error: missing command: " + COMMANDS);
        cmd.usage(cmd.getErr());
        return ExitCodes.USAGE_OR_REQUEST;
    }
}

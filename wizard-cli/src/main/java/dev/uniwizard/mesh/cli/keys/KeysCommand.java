package dev.uniwizard.mesh.cli.keys;

import dev.uniwizard.mesh.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard keys}: node keys and the trust store. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Node keys (<nodeId>.key) and the trust store (trust.json).",
        subcommands = {KeysGenCommand.class, KeysListCommand.class})
public final class KeysCommand implements Callable<Integer> {

    /** Where ./mesh keeps its keys, relative to the repository. */
    static final String DEFAULT_DIR = "run/keys";

    static final String TRUST_FILE = "trust.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("error: missing command: gen or list");
        cmd.usage(cmd.getErr());
        return ExitCodes.USAGE_OR_REQUEST;
    }
}

package dev.uniwizard.mesh.cli.approvals;

import dev.uniwizard.mesh.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard approvals}: the tool calls houses wait on, and the operator's approve or deny (Timmy decides last). */
@Command(
        name = "approvals",
        mixinStandardHelpOptions = true,
        description = "Approval requests of the houses, kept by Timmy: list, show, approve, deny.",
        subcommands = {
            ApprovalsListCommand.class,
            ApprovalsShowCommand.class,
            ApprovalsApproveCommand.class,
            ApprovalsDenyCommand.class
        })
public final class ApprovalsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("error: missing command: list, show, approve or deny");
        cmd.usage(cmd.getErr());
        return ExitCodes.USAGE_OR_REQUEST;
    }
}

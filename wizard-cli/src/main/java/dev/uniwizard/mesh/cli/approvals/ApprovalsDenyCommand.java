package dev.uniwizard.mesh.cli.approvals;

import dev.uniwizard.mesh.cli.http.OperatorOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard approvals deny}: the house will not run the call. */
@Command(
        name = "deny",
        mixinStandardHelpOptions = true,
        description = "Deny a request (POST /api/v1/approvals/<id>/deny): the house will not run the call.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:denied",
            "2:invalid input, Timmy not reachable, no such request, or it is already decided or expired"
        })
public final class ApprovalsDenyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "the approval id")
    String id;

    @Option(names = "--note", paramLabel = "<text>", description = "why, for the house and the audit trail")
    String note;

    @Mixin
    OperatorOption operator;

    @Mixin
    TimmyOptions timmy;

    @Override
    public Integer call() {
        return OperatorDecision.send(spec, timmy, id, "deny", operator, note, null);
    }
}

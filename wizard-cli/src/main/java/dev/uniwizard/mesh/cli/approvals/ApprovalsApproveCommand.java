package dev.uniwizard.mesh.cli.approvals;

import dev.uniwizard.mesh.cli.http.OperatorOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard approvals approve}: let the house run the call, optionally bound to the arguments the operator saw. */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = "Approve a request (POST /api/v1/approvals/<id>/approve): the house may run the call.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:approved",
            "2:invalid input, Timmy not reachable, no such request, or it can no longer be approved"
                    + " (already decided, expired, other arguments than --digest)"
        })
public final class ApprovalsApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "the approval id")
    String id;

    @Option(names = "--note", paramLabel = "<text>", description = "a note for the house and the audit trail")
    String note;

    @Option(
            names = "--digest",
            paramLabel = "<sha256:...>",
            description =
                    "the arguments digest you looked at ('wizard approvals show'); refused if the request's differ")
    String digest;

    @Mixin
    OperatorOption operator;

    @Mixin
    TimmyOptions timmy;

    @Override
    public Integer call() {
        return OperatorDecision.send(spec, timmy, id, "approve", operator, note, digest);
    }
}

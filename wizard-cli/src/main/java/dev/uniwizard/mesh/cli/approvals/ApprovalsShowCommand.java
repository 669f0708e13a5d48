package dev.uniwizard.mesh.cli.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.text.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard approvals show}: one request with its arguments in full, so the operator sees what would run. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = "Show one approval request with its full arguments and history (GET /api/v1/approvals/<id>).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:invalid input, Timmy not reachable, or no such request"})
public final class ApprovalsShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "the approval id, as 'wizard approvals list' shows it")
    String id;

    @Mixin
    TimmyOptions timmy;

    @Override
    public Integer call() {
        String approvalId = ApprovalIds.require(spec, id);
        try (TimmyClient client = timmy.client()) {
            JsonNode approval = TimmyAnswers.ok(client.show(approvalId), "showing approval " + approvalId);
            PrintWriter out = spec.commandLine().getOut();
            ApprovalText.details(out, approval);
            if ("pending".equals(Json.text(approval, "state"))) {
                out.println();
                out.println("decide: wizard approvals approve " + approvalId + " --digest "
                        + Json.text(approval, "argumentsDigest") + " [--note ...]");
                out.println("        wizard approvals deny " + approvalId + " [--note ...]");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}

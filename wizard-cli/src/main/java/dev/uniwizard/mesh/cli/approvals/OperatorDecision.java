package dev.uniwizard.mesh.cli.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.cli.text.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** What approve and deny share: send the decision as the operator, and say what came of it. */
final class OperatorDecision {

    private OperatorDecision() {}

    /**
     * @param action {@code approve} or {@code deny}
     * @param digest the arguments digest the operator saw, or null
     */
    static int send(
            CommandSpec spec,
            TimmyOptions timmy,
            String id,
            String action,
            OperatorOption operator,
            String note,
            String digest) {
        String approvalId = ApprovalIds.require(spec, id);
        String decidedBy = operator.name();
        try (TimmyClient client = timmy.client()) {
            HttpResult result = client.decide(approvalId, action, decidedBy, note, digest);
            if (result.status() == 404) {
                throw CliError.usage("approval " + approvalId + " not found (HTTP 404): " + result.problem());
            }
            if (result.status() == 409) {
                String state =
                        result.json().map(json -> Json.text(json, "state")).orElse(null);
                throw CliError.usage("approval " + approvalId + " cannot be " + past(action)
                        + (state == null || state.equals("pending") ? "" : ", it is " + state) + " (HTTP 409): "
                        + result.problem());
            }
            JsonNode approval = TimmyAnswers.ok(result, action + " of approval " + approvalId);
            PrintWriter out = spec.commandLine().getOut();
            out.println(past(action) + " " + approvalId + ": " + Json.text(approval, "house")
                    + (action.equals("approve") ? " may run " : " will not run ") + Json.text(approval, "tool")
                    + " (by " + Json.text(approval, "decidedBy") + ")");
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static String past(String action) {
        return action.equals("approve") ? "approved" : "denied";
    }
}

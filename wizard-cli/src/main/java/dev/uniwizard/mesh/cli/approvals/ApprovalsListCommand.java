package dev.uniwizard.mesh.cli.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wizard approvals list}: approval requests as a table, newest first. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List approval requests, newest first (GET /api/v1/approvals).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:invalid input, Timmy not reachable, or Timmy refused the request"})
public final class ApprovalsListCommand implements Callable<Integer> {

    static final Set<String> STATES = Set.of("pending", "approved", "denied", "expired", "all");
    static final int MAX_LIMIT = 500;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--state",
            paramLabel = "<state>",
            defaultValue = "pending",
            description = "pending, approved, denied, expired or all (default: ${DEFAULT-VALUE})")
    String state;

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            defaultValue = "50",
            description = "at most this many, 1-" + MAX_LIMIT + " (default: ${DEFAULT-VALUE})")
    int limit;

    @Mixin
    TimmyOptions timmy;

    @Override
    public Integer call() {
        String wanted = state.strip().toLowerCase(Locale.ROOT);
        if (!STATES.contains(wanted)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--state must be pending, approved, denied, expired or all, got '" + state + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(
                    spec.commandLine(), "--limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        try (TimmyClient client = timmy.client()) {
            JsonNode body = TimmyAnswers.ok(client.list(wanted, limit), "listing " + wanted + " approvals");
            print(body.path("approvals"), wanted);
            return ExitCodes.OK;
        }
    }

    private void print(JsonNode approvals, String wanted) {
        PrintWriter out = spec.commandLine().getOut();
        String which = wanted.equals("all") ? "" : wanted + " ";
        int count = approvals.isArray() ? approvals.size() : 0;
        if (count == 0) {
            out.println("no " + which + "approvals");
        } else {
            ApprovalText.table(out, approvals);
            out.println(count + " " + which + (count == 1 ? "approval" : "approvals")
                    + (count == limit ? " (the newest " + limit + "; see more with --limit)" : ""));
        }
        out.flush();
    }
}

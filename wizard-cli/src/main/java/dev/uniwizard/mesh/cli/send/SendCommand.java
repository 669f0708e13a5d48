package dev.uniwizard.mesh.cli.send;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.GatewayClient;
import dev.uniwizard.mesh.cli.http.GatewayOption;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.text.Json;
import dev.uniwizard.mesh.core.subjects.Subjects;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard send}: one message through the gateway, printing the house's reply. */
@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Send a message through the gateway (POST /api/v1/messages) and print the reply.",
            "Put '--' before text that starts with '-'."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the house replied with status ok",
            "2:invalid input, gateway not reachable, or the gateway refused the message",
            "3:the house replied with status error",
            "4:the reply is pending: fetch it later with 'wizard conversation <id>'"
        })
public final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--house",
            paramLabel = "<house>",
            description = "house to address, e.g. ezra (default: the router chooses)")
    String house;

    @Option(names = "--conversation", paramLabel = "<id>", description = "continue this conversation")
    String conversationId;

    @Mixin
    GatewayOption gateway;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "60",
            description = "how long to wait for the gateway (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "<text>", description = "the message; several words are joined by spaces")
    List<String> words;

    @Override
    public Integer call() {
        String text = String.join(" ", words);
        validate(text);
        try (GatewayClient client =
                new GatewayClient(gateway.url(), Duration.ofSeconds(timeoutSeconds), gateway.headers())) {
            HttpResult result = client.send(house, conversationId, text);
            return switch (result.status()) {
                case 200 -> printReply(result);
                case 202 -> printPending(result, client.baseUrl());
                default ->
                    throw CliError.usage(
                            "gateway refused the message (HTTP " + result.status() + "): " + result.problem());
            };
        }
    }

    private void validate(String text) {
        if (text.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the message text is empty");
        }
        if (house != null && !Subjects.isToken(house)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "house '" + house + "' is not valid: use lower-case letters, digits, '_' or '-', e.g. ezra");
        }
        if (conversationId != null && conversationId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--conversation needs a conversation id");
        }
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
    }

    private int printReply(HttpResult result) {
        JsonNode reply = result.json()
                .orElseThrow(() -> CliError.usage("gateway answered HTTP 200 without a JSON reply: " + result.raw()));
        PrintWriter out = spec.commandLine().getOut();
        String replyHouse = firstNonNull(Json.text(reply, "house"), house, "mesh");
        String conversation = firstNonNull(Json.text(reply, "conversationId"), conversationId, null);
        out.println("[" + replyHouse + "] " + firstNonNull(Json.text(reply, "text"), "", ""));
        if (conversation != null) {
            out.println("conversation: " + conversation);
        }
        out.flush();
        String status = Json.text(reply, "status");
        if ("ok".equalsIgnoreCase(status)) {
            return ExitCodes.OK;
        }
        String errorCode = Json.text(reply, "errorCode");
        PrintWriter err = spec.commandLine().getErr();
        if ("error".equalsIgnoreCase(status)) {
            err.println("error: " + replyHouse + " replied with an error"
                    + (errorCode == null ? "" : " (" + errorCode + ")"));
        } else {
            err.println("error: unexpected reply status '" + status + "' (expected ok or error)");
        }
        err.flush();
        return ExitCodes.REPLY_ERROR;
    }

    private int printPending(HttpResult result, String baseUrl) {
        JsonNode body = result.json().orElse(null);
        String conversation = firstNonNull(Json.text(body, "conversationId"), conversationId, null);
        PrintWriter out = spec.commandLine().getOut();
        String notice = Json.text(body, "text");
        if (notice != null && !notice.isBlank()) {
            // An interim notice from the house (e.g. an approval to decide); the answer follows later.
            String house = Json.text(body, "house");
            out.println((house == null ? "" : house + " (pending): ") + notice);
        } else {
            out.println("reply pending: the gateway accepted the message, but the house has not answered yet");
        }
        if (conversation != null) {
            out.println("conversation: " + conversation);
            out.println("fetch the reply later: ./wizard conversation " + conversation);
            out.println("  (GET " + baseUrl + GatewayClient.conversationPath(conversation) + ")");
        } else {
            out.println("fetch the reply later: GET " + baseUrl + GatewayClient.CONVERSATIONS_PATH
                    + "<conversationId> (the gateway returned no conversation id)");
        }
        out.flush();
        return ExitCodes.REPLY_PENDING;
    }

    private static String firstNonNull(String first, String second, String fallback) {
        return first != null ? first : second != null ? second : fallback;
    }
}

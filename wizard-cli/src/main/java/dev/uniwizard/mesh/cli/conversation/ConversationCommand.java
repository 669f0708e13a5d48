package dev.uniwizard.mesh.cli.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.GatewayClient;
import dev.uniwizard.mesh.cli.http.GatewayOption;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.text.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wizard conversation}: the messages of one conversation, from the gateway. */
@Command(
        name = "conversation",
        mixinStandardHelpOptions = true,
        description = "Print the messages of a conversation (GET /api/v1/conversations/<id>).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "2:invalid input, gateway not reachable, or the conversation was not found"})
public final class ConversationCommand implements Callable<Integer> {

    private static final String CONTINUATION_INDENT = "    ";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<id>", description = "conversation id, as printed by 'wizard send'")
    String conversationId;

    @Mixin
    GatewayOption gateway;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "10",
            description = "how long to wait for the gateway (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (conversationId.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the conversation id is empty");
        }
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        try (GatewayClient client =
                new GatewayClient(gateway.url(), Duration.ofSeconds(timeoutSeconds), gateway.headers())) {
            HttpResult result = client.conversation(conversationId);
            if (result.status() == 404) {
                throw CliError.usage("conversation " + conversationId + " not found (HTTP 404): " + result.problem());
            }
            if (result.status() != 200) {
                throw CliError.usage("gateway could not return conversation " + conversationId + " (HTTP "
                        + result.status() + "): " + result.problem());
            }
            JsonNode body = result.json()
                    .orElseThrow(() -> CliError.usage("gateway answered HTTP 200 without JSON: " + result.raw()));
            print(body);
            return ExitCodes.OK;
        }
    }

    private void print(JsonNode body) {
        PrintWriter out = spec.commandLine().getOut();
        String id = Json.text(body, "conversationId");
        JsonNode messages = body.path("messages");
        int count = messages.isArray() ? messages.size() : 0;
        out.println("conversation: " + (id == null ? conversationId : id) + " (" + count
                + (count == 1 ? " message)" : " messages)"));
        for (JsonNode message : messages) {
            out.println(line(message));
        }
        out.flush();
    }

    /** {@code #1 user [ezra]: text}; more lines of the content are indented. */
    private static String line(JsonNode message) {
        StringBuilder line = new StringBuilder();
        String seq = Json.text(message, "seq");
        if (seq != null) {
            line.append('#').append(seq).append(' ');
        }
        String role = Json.text(message, "role");
        line.append(role == null ? "?" : role);
        String house = Json.text(message, "house");
        if (house != null) {
            line.append(" [").append(house).append(']');
        }
        String content = Json.text(message, "content");
        line.append(": ");
        if (content != null) {
            line.append(content.strip().replace("\n", "\n" + CONTINUATION_INDENT));
        }
        return line.toString();
    }
}

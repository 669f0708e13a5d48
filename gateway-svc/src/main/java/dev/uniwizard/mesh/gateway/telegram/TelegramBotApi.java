package dev.uniwizard.mesh.gateway.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The two Bot API methods the gateway uses, {@code sendMessage} and {@code getUpdates}, as JSON POSTs to
 * {@code <api-url>/bot<token>/<method>}. A {@code "ok": false} answer is a {@link TelegramApiException} carrying
 * {@code error_code}, {@code description} and {@code parameters.retry_after}; a connection failure is an
 * {@link IOException}. The token is never put into a message or a log line.
 */
@Singleton
public class TelegramBotApi {

    private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,20}");

    private final TelegramSettings settings;
    private final Duration httpTimeout;
    private final HttpClient client;
    private final ObjectMapper mapper = EnvelopeCodec.mapper();

    @Inject
    public TelegramBotApi(TelegramSetup setup, GatewayConfig config) {
        this(setup.settings(), config.outbound().httpTimeout());
    }

    public TelegramBotApi(TelegramSettings settings, Duration httpTimeout) {
        this.settings = settings;
        this.httpTimeout = httpTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(httpTimeout).build();
    }

    /** Sends a plain-text message (no parse_mode); returns the new message's id. */
    public long sendMessage(TelegramOutgoing message) throws TelegramApiException, IOException, InterruptedException {
        ObjectNode params = mapper.createObjectNode();
        putId(params, "chat_id", message.chatId());
        params.put("text", message.text());
        if (message.threadId() != null) {
            params.put("message_thread_id", Long.parseLong(message.threadId()));
        }
        if (message.replyToMessageId() != null) {
            ObjectNode reply = params.putObject("reply_parameters");
            reply.put("message_id", Long.parseLong(message.replyToMessageId()));
            // The operator may have deleted the message meanwhile: answer anyway, as a plain message.
            reply.put("allow_sending_without_reply", true);
        }
        return call("sendMessage", params, httpTimeout).path("message_id").asLong();
    }

    /**
     * Long-polls for updates from {@code offset} on (confirming every update below it); waits up to {@code timeout}
     * when there are none. Asks for {@code message} updates only.
     */
    public List<JsonNode> getUpdates(long offset, Duration timeout)
            throws TelegramApiException, IOException, InterruptedException {
        ObjectNode params = mapper.createObjectNode();
        params.put("offset", offset);
        params.put("timeout", timeout.toSeconds());
        params.putArray("allowed_updates").add("message");
        JsonNode result = call("getUpdates", params, timeout.plus(httpTimeout));
        if (!result.isArray()) {
            throw new TelegramApiException("getUpdates", 502, "result is not an array of updates", null);
        }
        List<JsonNode> updates = new ArrayList<>(result.size());
        result.forEach(updates::add);
        return updates;
    }

    private JsonNode call(String method, ObjectNode params, Duration timeout)
            throws TelegramApiException, IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(settings.apiUrl() + "/bot" + settings.botToken() + "/" + method))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(params.toString(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response =
                client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = mapper.readTree(response.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new TelegramApiException(
                    method,
                    response.statusCode(),
                    "the answer is not Bot API JSON (HTTP " + response.statusCode() + ")",
                    null);
        }
        if (body.path("ok").asBoolean(false)) {
            return body.path("result");
        }
        int code = body.path("error_code").asInt(response.statusCode());
        String description = body.path("description").asText("no description");
        JsonNode retryAfter = body.path("parameters").path("retry_after");
        throw new TelegramApiException(
                method,
                code,
                description,
                retryAfter.canConvertToLong() ? Duration.ofSeconds(retryAfter.asLong()) : null);
    }

    private static void putId(ObjectNode params, String name, String id) {
        if (NUMERIC.matcher(id).matches()) {
            params.put(name, Long.parseLong(id));
        } else {
            params.put(name, id);
        }
    }
}

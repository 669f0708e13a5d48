package dev.uniwizard.mesh.gateway.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.api.ApiException;
import dev.uniwizard.mesh.gateway.api.ConversationsResource;
import dev.uniwizard.mesh.gateway.api.Inputs;
import dev.uniwizard.mesh.gateway.api.MessageRequest;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.exchange.ExchangeUnavailable;
import dev.uniwizard.mesh.gateway.exchange.MessageExchange;
import dev.uniwizard.mesh.gateway.exchange.OpenExchange;
import dev.uniwizard.mesh.gateway.operators.Admission;
import dev.uniwizard.mesh.gateway.operators.Operator;
import dev.uniwizard.mesh.gateway.operators.SenderAdmission;
import dev.uniwizard.mesh.gateway.replies.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/chat/completions}: the OpenAI-compatible door to the mesh, so any OpenAI client (SDKs, chat UIs,
 * editors) can talk to a house. The caller is the operator holding the bearer token; {@code model} names the house; the
 * last user message is what is sent (the house keeps the conversation itself). Interim notices (waiting for an
 * approval) are waited past, or streamed as content with {@code stream: true}. Runs on a virtual thread, since it
 * blocks while it waits.
 */
@Path("/v1/chat/completions")
public class ChatCompletionsResource {

    public static final String CONVERSATION_HEADER = "X-Conversation-Id";
    public static final String WAIT_HEADER = "X-Mesh-Wait";
    public static final String CONVERSATION_RESPONSE_HEADER = "X-Mesh-Conversation-Id";
    public static final String REPLY_STATUS_HEADER = "X-Mesh-Reply-Status";
    public static final String ERROR_CODE_HEADER = "X-Mesh-Error-Code";

    /** The official OpenAI clients retry 5xx answers unless told not to; a retried timeout would ask the house twice. */
    static final String SHOULD_RETRY_HEADER = "x-should-retry";

    private final MessageExchange exchange;
    private final GatewayConfig config;
    private final OpenAiConfig openAi;
    private final BearerAuth auth;
    private final HouseModels models;
    private final SenderAdmission admission;
    private final ChatRequestParser parser;
    private final ObjectMapper json;
    private final MeterRegistry registry;

    public ChatCompletionsResource(
            MessageExchange exchange,
            GatewayConfig config,
            OpenAiConfig openAi,
            BearerAuth auth,
            HouseModels models,
            SenderAdmission admission,
            ObjectMapper json,
            MeterRegistry registry) {
        this.exchange = exchange;
        this.config = config;
        this.openAi = openAi;
        this.auth = auth;
        this.models = models;
        this.admission = admission;
        this.parser = new ChatRequestParser(config.maxTextLength());
        this.json = json;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @RunOnVirtualThread
    public Response complete(
            String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(CONVERSATION_HEADER) String conversationHeader,
            @HeaderParam(WAIT_HEADER) String waitHeader,
            @Context HttpServerRequest http)
            throws InterruptedException {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "rejected";
        boolean streamed = false;
        try {
            Operator operator = auth.operator(authorization, String.valueOf(http.remoteAddress()));
            ChatRequest chat = parser.parse(body);
            String house = models.house(chat.model());
            Duration wait = wait(waitHeader);
            String conversationId = conversationId(conversationHeader, operator, house, chat);
            admit(operator);
            OpenExchange opened;
            try {
                opened = exchange.open(
                        new MessageRequest(house, conversationId, chat.text()),
                        new Sender(Platforms.OPENAI, operator.name(), operator.name()),
                        operator);
            } catch (ExchangeUnavailable e) {
                outcome = "unavailable";
                return error(new OpenAiException(503, OpenAiException.SERVER_ERROR, e.error(), null, e.getMessage()))
                        .build();
            }
            if (chat.stream()) {
                streamed = true;
                return stream(opened, house, wait, chat.includeUsage(), sample);
            }
            try (OpenExchange open = opened) {
                Answer answer = answer(open, house, wait);
                outcome = answer.outcome();
                return answer.response();
            }
        } catch (OpenAiException e) {
            outcome = switch (e.status()) {
                case 401 -> "unauthorized";
                case 429 -> "rate_limited";
                default -> "rejected";
            };
            throw e;
        } finally {
            if (!streamed) {
                stop(sample, outcome, false);
            }
        }
    }

    private record Answer(String outcome, Response response) {}

    /** Waits past interim notices for the answer, within {@code wait} in all. */
    private Answer answer(OpenExchange open, String house, Duration wait) throws InterruptedException {
        Envelope message = open.message();
        long deadline = System.nanoTime() + wait.toNanos();
        Reply notice = null;
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<Reply> reply = left <= 0 ? Optional.empty() : open.next(Duration.ofNanos(left));
            if (reply.isEmpty()) {
                return new Answer(
                        "timeout",
                        error(timeout(message, house, wait, notice))
                                .header(SHOULD_RETRY_HEADER, "false")
                                .header(CONVERSATION_RESPONSE_HEADER, message.conversationId())
                                .build());
            }
            ReplyPayload payload = reply.get().payload();
            if (ReplyPayload.PENDING.equals(payload.status())) {
                notice = reply.get();
                continue;
            }
            Response.ResponseBuilder response = Response.ok(ChatCompletionJson.Completion.of(
                            completionId(message),
                            message.ts().getEpochSecond(),
                            house,
                            Objects.toString(payload.text(), "")))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(CONVERSATION_RESPONSE_HEADER, message.conversationId())
                    .header(REPLY_STATUS_HEADER, replyStatus(payload));
            if (payload.errorCode() != null) {
                response.header(ERROR_CODE_HEADER, payload.errorCode());
            }
            return new Answer(outcome(payload), response.build());
        }
    }

    private Response stream(
            OpenExchange opened, String house, Duration wait, boolean includeUsage, Timer.Sample sample) {
        return Response.ok(new CompletionStream(
                        opened,
                        house,
                        wait,
                        openAi.keepAlive(),
                        includeUsage,
                        json,
                        outcome -> stop(sample, outcome, true)))
                .type(MediaType.SERVER_SENT_EVENTS + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Accel-Buffering", "no")
                .header(CONVERSATION_RESPONSE_HEADER, opened.message().conversationId())
                .build();
    }

    private void admit(Operator operator) {
        if (admission.admitKnown(operator, Platforms.OPENAI, operator.name()) instanceof Admission.Refused refused) {
            throw new OpenAiException(429, "requests", "rate_limit_exceeded", null, refused.text());
        }
    }

    private Duration wait(String header) {
        if (header == null) {
            return config.replyTimeout();
        }
        long max = config.maxReplyTimeout().toSeconds();
        try {
            long seconds = Long.parseLong(header.strip());
            if (seconds >= 0 && seconds <= max) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw OpenAiException.badRequest(
                "invalid_value",
                WAIT_HEADER,
                WAIT_HEADER + " must be a whole number of seconds from 0 to " + max + ", got '" + header + "'.");
    }

    private static String conversationId(String header, Operator operator, String house, ChatRequest chat) {
        if (header == null) {
            return ConversationIds.derive(operator.name(), house, chat.firstUserText());
        }
        try {
            return Inputs.requireConversationId(header.strip());
        } catch (ApiException e) {
            throw OpenAiException.badHeader(CONVERSATION_HEADER, e);
        }
    }

    static String completionId(Envelope message) {
        return "chatcmpl-" + message.id();
    }

    /** The 504 of a request whose answer did not come within the wait; it will be in the conversation. */
    static OpenAiException timeout(Envelope message, String house, Duration wait, Reply notice) {
        String conversation = message.conversationId();
        return new OpenAiException(
                504,
                OpenAiException.SERVER_ERROR,
                "timeout",
                null,
                "No answer from " + house + " within " + wait.toSeconds() + " s"
                        + (notice == null
                                ? ""
                                : " (last notice: " + notice.payload().text() + ")")
                        + ". The answer will be stored in conversation " + conversation + ": read it with GET "
                        + ConversationsResource.PATH + "/" + conversation + ", or continue the chat with header "
                        + CONVERSATION_HEADER + ": " + conversation + ".");
    }

    static String outcome(ReplyPayload payload) {
        return ReplyPayload.ERROR.equals(payload.status()) ? "replied_error" : "replied";
    }

    private static String replyStatus(ReplyPayload payload) {
        return ReplyPayload.ERROR.equals(payload.status()) ? ReplyPayload.ERROR : ReplyPayload.OK;
    }

    private static Response.ResponseBuilder error(OpenAiException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body());
    }

    private void stop(Timer.Sample sample, String outcome, boolean stream) {
        sample.stop(Timer.builder("mesh.gateway.openai.request")
                .description("POST /v1/chat/completions, from receipt to the end of the answer")
                .tag("outcome", outcome)
                .tag("stream", String.valueOf(stream))
                .register(registry));
    }
}

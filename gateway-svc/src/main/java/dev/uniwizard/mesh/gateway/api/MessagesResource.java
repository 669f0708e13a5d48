package dev.uniwizard.mesh.gateway.api;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.exchange.ExchangeResult;
import dev.uniwizard.mesh.gateway.exchange.MessageExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * {@code POST /api/v1/messages}: hands an operator's message to the mesh and answers with the reply (200), or with 202
 * when the reply takes longer than the wait. Runs on a virtual thread, since it blocks while it waits.
 */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    public static final String OPERATOR_HEADER = "X-Operator";

    private final MessageExchange exchange;
    private final GatewayConfig config;
    private final MessageRequestParser parser;
    private final MeterRegistry registry;
    private final HttpCallers callers;

    public MessagesResource(
            MessageExchange exchange, GatewayConfig config, MeterRegistry registry, HttpCallers callers) {
        this.exchange = exchange;
        this.callers = callers;
        this.config = config;
        this.parser = new MessageRequestParser(config.maxTextLength());
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RunOnVirtualThread
    public Response send(
            String body,
            @QueryParam("wait") String wait,
            @HeaderParam(OPERATOR_HEADER) String operator,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest http)
            throws InterruptedException {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "rejected";
        try {
            HttpCallers.Caller caller = callers.identify(authorization, operator, String.valueOf(http.remoteAddress()));
            Duration replyWait = Inputs.replyWait(wait, config.replyTimeout(), config.maxReplyTimeout());
            MessageRequest request = parser.parse(body);
            ExchangeResult result = caller.operator().isPresent()
                    ? exchange.send(request, caller.sender(), caller.operator().get(), replyWait)
                    : exchange.send(request, caller.sender(), replyWait);
            outcome = outcome(result);
            return respond(result, replyWait);
        } finally {
            sample.stop(Timer.builder("mesh.gateway.request")
                    .description("POST /api/v1/messages, from receipt to answer")
                    .tag("outcome", outcome)
                    .register(registry));
        }
    }

    private static String outcome(ExchangeResult result) {
        return switch (result) {
            case ExchangeResult.Replied replied -> "replied";
            case ExchangeResult.Pending pending -> "pending";
            case ExchangeResult.Unavailable unavailable -> "unavailable";
        };
    }

    private static Response respond(ExchangeResult result, Duration wait) {
        return switch (result) {
            case ExchangeResult.Replied replied -> {
                Envelope message = replied.message();
                ReplyPayload payload = replied.reply().payload();
                // An interim notice (waiting for an approval, or for the model): 202, the answer follows in the
                // conversation.
                boolean interim = ReplyPayload.PENDING.equals(payload.status());
                String status = interim
                        ? ReplyPayload.PENDING
                        : ReplyPayload.ERROR.equals(payload.status()) ? ReplyPayload.ERROR : ReplyPayload.OK;
                yield Response.status(interim ? Response.Status.ACCEPTED : Response.Status.OK)
                        .entity(new MessageResponses.Replied(
                                message.id(),
                                message.conversationId(),
                                payload.house(),
                                status,
                                payload.errorCode(),
                                payload.text(),
                                replied.reply().envelope().id()))
                        .build();
            }
            case ExchangeResult.Pending pending -> {
                Envelope message = pending.message();
                yield Response.accepted(new MessageResponses.Pending(
                                message.id(),
                                message.conversationId(),
                                "pending",
                                "no reply within " + wait.toSeconds()
                                        + " s; the reply will be stored in the conversation",
                                ConversationsResource.PATH + "/" + message.conversationId()))
                        .build();
            }
            case ExchangeResult.Unavailable unavailable ->
                new ApiError(unavailable.error(), unavailable.message()).toResponse(503);
        };
    }
}

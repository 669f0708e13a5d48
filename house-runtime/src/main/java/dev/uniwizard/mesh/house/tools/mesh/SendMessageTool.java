package dev.uniwizard.mesh.house.tools.mesh;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Sends a message to another house (a signed message on {@code <root>.in.mesh}, which the router routes like an
 * operator's) or to an operator on a platform (a signed reply on {@code <root>.out.<platform>}, delivered by that
 * platform's adapter). Only recipients on {@code house.send.allow} are reached; others are refused with the list.
 */
@Singleton
public class SendMessageTool implements Tool {

    public static final String NAME = "send_message";

    /** The longest text sent, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 16 * 1024;

    private final HouseConfig config;
    private final SendAllowList allowList;
    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final Subjects subjects;
    private final NatsTracing tracing;

    public SendMessageTool(
            HouseConfig config,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            Subjects subjects,
            NatsTracing tracing) {
        this.config = config;
        this.allowList = new SendAllowList(config.name(), config.send().allow());
        this.signer = signer;
        this.publisher = publisher;
        this.subjects = subjects;
        this.tracing = tracing;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Sends a message to another house (to=bezalel) or to an operator (to=telegram:12345), if house.send.allow"
                + " permits it.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required(
                        "to", "a house name (ezra, or house:ezra) or an operator as platform:user (telegram:12345)"),
                ToolParameter.required("text", "the message, at most 16 KiB"));
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    /** The normalized recipient ({@code ezra}, {@code telegram:12345}), so {@code send_message(ezra)} rules match. */
    @Override
    public Optional<String> target(ToolCall call) {
        try {
            return Optional.of(Recipient.parse(call.required("to")).key());
        } catch (IllegalArgumentException e) {
            return call.argument("to");
        }
    }

    @Override
    public ToolResult execute(ToolCall call) {
        Recipient recipient;
        try {
            recipient = Recipient.parse(call.required("to"));
        } catch (IllegalArgumentException e) {
            return ToolResult.failure("send_message: " + e.getMessage());
        }
        String text = call.required("text");
        if (text.isBlank()) {
            return ToolResult.failure("send_message: the text is empty");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            return ToolResult.failure(
                    "send_message: the text has " + bytes + " bytes; at most " + MAX_TEXT_BYTES + " (16 KiB) are sent");
        }
        Optional<String> refusal = allowList.refusal(recipient);
        if (refusal.isPresent()) {
            return ToolResult.failure("send_message refused: " + refusal.get());
        }
        Outgoing outgoing = outgoing(recipient, text);
        try {
            publisher.publishDurable(outgoing.subject(), outgoing.envelope());
        } catch (RuntimeException e) {
            throw new TransientToolException(
                    "could not publish the message to " + recipient.key() + " on " + outgoing.subject() + ": "
                            + e.getMessage(),
                    e);
        }
        return ToolResult.ok("sent to " + recipient.key() + " as envelope "
                + outgoing.envelope().id() + " on " + outgoing.subject() + "; " + delivery(recipient));
    }

    /** The signed envelope for {@code recipient} and the subject it goes on. */
    private Outgoing outgoing(Recipient recipient, String text) {
        String traceparent = tracing.currentTraceparent();
        return switch (recipient) {
            case Recipient.House house ->
                new Outgoing(
                        subjects.in(Recipient.MESH_PLATFORM),
                        signer.originate(
                                EnvelopeKind.MESSAGE,
                                Ids.newId(),
                                house.name(),
                                new Sender(Recipient.MESH_PLATFORM, config.name(), config.title()),
                                new MessagePayload(text),
                                traceparent));
            case Recipient.Operator operator ->
                new Outgoing(
                        subjects.out(operator.platform()),
                        signer.originate(
                                EnvelopeKind.REPLY,
                                Ids.newId(),
                                config.name(),
                                new Sender(operator.platform(), operator.userId(), null),
                                ReplyPayload.ok(config.name(), text),
                                traceparent));
        };
    }

    private String delivery(Recipient recipient) {
        return switch (recipient) {
            case Recipient.House house ->
                "the router passes it to " + house.name() + ", whose answer goes to "
                        + subjects.out(Recipient.MESH_PLATFORM);
            case Recipient.Operator operator ->
                "delivery depends on the " + operator.platform() + " platform adapter (the HTTP gateway only delivers"
                        + " replies to requests still waiting for them)";
        };
    }

    /** An envelope ready to publish. */
    private record Outgoing(String subject, Envelope envelope) {}
}

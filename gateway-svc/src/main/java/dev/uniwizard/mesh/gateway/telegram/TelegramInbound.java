package dev.uniwizard.mesh.gateway.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.dedupe.DeliveryDedup;
import dev.uniwizard.mesh.gateway.inbound.InboundMessage;
import dev.uniwizard.mesh.gateway.inbound.InboundOutcome;
import dev.uniwizard.mesh.gateway.inbound.InboundPublisher;
import dev.uniwizard.mesh.gateway.operators.Admission;
import dev.uniwizard.mesh.gateway.operators.SenderAdmission;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * What happens to one Telegram update, however it arrived (webhook or getUpdates): text messages from operators are
 * published on {@code <root>.in.telegram} once per {@code update_id}; senders who are not operators, or who send too
 * fast, get the polite refusal in their chat (sent directly through {@link TelegramSender}, paced like replies, once
 * per update) and nothing is published; anything else is ignored, logged at debug and counted. Counted in
 * {@code mesh.gateway.telegram.updates{source,outcome,reason}}. Throws when the mesh cannot take the message (NATS
 * down), so the update is fetched or sent again.
 */
@Singleton
public class TelegramInbound {

    private static final Logger LOG = Logger.getLogger(TelegramInbound.class);

    /** What became of an update: {@code published}, {@code duplicate}, {@code refused} or {@code ignored}. */
    public record Result(String outcome, String reason) {}

    private final TelegramUpdateParser parser;
    private final SenderAdmission admission;
    private final InboundPublisher publisher;
    private final DeliveryDedup dedup;
    private final TelegramSender sender;
    private final MeterRegistry registry;

    public TelegramInbound(
            TelegramSetup setup,
            SenderAdmission admission,
            InboundPublisher publisher,
            DeliveryDedup dedup,
            TelegramSender sender,
            MeterRegistry registry) {
        this.parser = new TelegramUpdateParser(setup.settings().botUsername());
        this.admission = admission;
        this.publisher = publisher;
        this.dedup = dedup;
        this.sender = sender;
        this.registry = registry;
    }

    /**
     * Handles one update.
     *
     * @param source {@code webhook} or {@code polling}, for metrics and logs
     */
    public Result handle(JsonNode update, String source) throws MalformedUpdateException {
        TelegramUpdate parsed;
        try {
            parsed = parser.parse(update);
        } catch (MalformedUpdateException e) {
            count(source, "malformed", "malformed");
            throw e;
        }
        return switch (parsed) {
            case TelegramUpdate.Ignored ignored -> {
                LOG.debugf(
                        "ignoring Telegram update %d (%s): %s", ignored.updateId(), ignored.reason(), ignored.detail());
                yield count(source, "ignored", ignored.reason());
            }
            case TelegramUpdate.Text text -> handleText(text, source);
        };
    }

    private Result handleText(TelegramUpdate.Text text, String source) {
        Admission decision = admission.admit(Platforms.TELEGRAM, text.fromId(), text.displayName());
        if (decision instanceof Admission.Refused refused) {
            if (dedup.firstTime(Platforms.TELEGRAM, "refusal:" + text.updateId())) {
                sender.sendInBackground(
                        new TelegramOutgoing(text.chatId(), text.threadId(), text.messageId(), refused.text()),
                        "refusal");
            }
            LOG.debugf(
                    "Telegram update %d from user %s refused (%s)", text.updateId(), text.fromId(), refused.reason());
            return count(source, "refused", refused.reason());
        }
        Admission.Admitted admitted = (Admission.Admitted) decision;
        InboundOutcome outcome;
        try {
            outcome = publisher.publishMessage(new InboundMessage(
                    String.valueOf(text.updateId()),
                    admitted.operator(),
                    new Sender(Platforms.TELEGRAM, text.fromId(), text.displayName()),
                    text.conversationId(),
                    null,
                    text.text(),
                    text.replyTo()));
        } catch (RuntimeException e) {
            count(source, "failed", "publish_failed");
            throw e;
        }
        return switch (outcome) {
            case InboundOutcome.Published published -> {
                LOG.debugf(
                        "Telegram update %d from %s published as %s",
                        text.updateId(),
                        admitted.operator().name(),
                        published.envelope().id());
                yield count(source, "published", "none");
            }
            case InboundOutcome.Duplicate duplicate -> count(source, "duplicate", "none");
        };
    }

    private Result count(String source, String outcome, String reason) {
        registry.counter("mesh.gateway.telegram.updates", "source", source, "outcome", outcome, "reason", reason)
                .increment();
        return new Result(outcome, reason);
    }
}

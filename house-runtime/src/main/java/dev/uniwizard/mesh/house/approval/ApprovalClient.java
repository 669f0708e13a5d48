package dev.uniwizard.mesh.house.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.approval.ApprovalDecision;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.approval.ApprovalStatusRequest;
import dev.uniwizard.mesh.core.approval.ArgumentsDigest;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.Verification;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.config.ApprovalsConfig;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.service.tracing.NatsTracing;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Asks the approval authority (Timmy, on {@code <root>.approval.request}) to let one tool call run and waits for a
 * recorded decision. The request carries the exact arguments and their digest; a decision counts only when it is
 * signed by a configured authority node, says approved, and is bound to the same digest. Decisions arrive on
 * {@code <root>.approval.decided.<house>} and are also polled, so a missed event costs only a poll interval. Without a
 * decision nothing runs.
 */
@Singleton
public class ApprovalClient implements ApprovalGateway {

    private static final Logger LOG = Logger.getLogger(ApprovalClient.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final String house;
    private final ApprovalsConfig config;
    private final Subjects subjects;
    private final EnvelopeSigner signer;
    private final EnvelopePublisher publisher;
    private final EnvelopeGuard guard;
    private final Connection connection;
    private final NatsTracing tracing;
    private final Clock clock;
    private final Map<String, CompletableFuture<ApprovalDecision>> waiting = new ConcurrentHashMap<>();
    private Dispatcher dispatcher;

    public ApprovalClient(
            HouseConfig config,
            Subjects subjects,
            EnvelopeSigner signer,
            EnvelopePublisher publisher,
            EnvelopeGuard guard,
            Connection connection,
            NatsTracing tracing,
            Clock clock) {
        this.house = config.name();
        this.config = config.approvals();
        this.subjects = subjects;
        this.signer = signer;
        this.publisher = publisher;
        this.guard = guard;
        this.connection = connection;
        this.tracing = tracing;
        this.clock = clock;
    }

    @PostConstruct
    void listen() {
        String subject = subjects.approvalDecided(house);
        dispatcher = connection.createDispatcher(this::onDecision);
        dispatcher.subscribe(subject);
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null && connection.getStatus() == Connection.Status.CONNECTED) {
            connection.closeDispatcher(dispatcher);
        }
    }

    @Override
    public Approval obtain(TurnContext turn, String tool, Map<String, String> arguments, String reason) {
        ObjectNode json = new ToolCall(tool, arguments).argumentsJson();
        String digest = ArgumentsDigest.of(json);
        String approvalId = Ids.derive(turn.task().id(), "approval:" + tool + ":" + digest);
        Instant expiresAt = earliest(clock.instant().plus(config.timeout()), turn.deadline());
        ApprovalRequest request = new ApprovalRequest(
                approvalId,
                house,
                tool,
                json,
                digest,
                reason,
                turn.conversationId(),
                turn.correlationId(),
                turn.task().sender(),
                expiresAt);
        CompletableFuture<ApprovalDecision> event = new CompletableFuture<>();
        waiting.put(approvalId, event);
        try {
            ApprovalDecision decision;
            try {
                decision = ask(turn.task(), Subjects.APPROVAL_REQUEST, request);
            } catch (RequestFailedException e) {
                return new Approval(
                        false,
                        "No approval could be requested for " + tool + ": " + e.getMessage()
                                + ". Nothing was run; the approval authority (Timmy) must be reachable.",
                        null);
            }
            if (decision.state() == ApprovalState.PENDING) {
                turn.notifyOperator()
                        .accept("Waiting for approval " + approvalId + ": house '" + house + "' wants to run " + tool
                                + " " + json + " (" + reason + "). Approve with `wizard approvals approve "
                                + approvalId + "` or deny with `wizard approvals deny " + approvalId
                                + "`; it expires at " + expiresAt + ".");
                decision = await(turn, approvalId, event, expiresAt);
            }
            return judge(decision, tool, digest, expiresAt);
        } finally {
            waiting.remove(approvalId);
        }
    }

    private ApprovalDecision await(
            TurnContext turn, String approvalId, CompletableFuture<ApprovalDecision> event, Instant expiresAt) {
        ApprovalDecision latest = null;
        Instant giveUp = expiresAt.plus(config.pollInterval().multipliedBy(3));
        while (clock.instant().isBefore(giveUp)) {
            turn.keepAlive().run();
            try {
                ApprovalDecision pushed = event.get(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (pushed.state().decided()) {
                    return pushed;
                }
            } catch (TimeoutException e) {
                // no event within a poll interval: ask
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            try {
                latest = ask(turn.task(), Subjects.APPROVAL_STATUS, new ApprovalStatusRequest(approvalId));
                if (latest.state().decided()) {
                    return latest;
                }
            } catch (RequestFailedException e) {
                LOG.warnf("house %s: approval %s status unknown, asking again: %s", house, approvalId, e.getMessage());
            }
        }
        return latest;
    }

    private Approval judge(ApprovalDecision decision, String tool, String digest, Instant expiresAt) {
        if (decision == null || !decision.state().decided()) {
            return new Approval(
                    false,
                    "No decision on the approval for " + tool + " was recorded by " + expiresAt + ". Nothing was run.",
                    decision);
        }
        String by = decision.decidedBy() == null ? "the approval authority" : decision.decidedBy();
        String note = decision.note() == null || decision.note().isBlank() ? "" : " (note: " + decision.note() + ")";
        return switch (decision.state()) {
            case APPROVED ->
                digest.equals(decision.argumentsDigest())
                        ? new Approval(true, "approved by " + by + note, decision)
                        : new Approval(
                                false,
                                "The approval for " + tool + " is bound to other arguments ("
                                        + decision.argumentsDigest() + ", this call is " + digest
                                        + "). Nothing was run.",
                                decision);
            case DENIED ->
                new Approval(
                        false, "The call to " + tool + " was denied by " + by + note + ". Nothing was run.", decision);
            case EXPIRED ->
                new Approval(
                        false,
                        "The approval request for " + tool + " expired without a decision. Nothing was run.",
                        decision);
            case PENDING -> throw new IllegalStateException("unreachable");
        };
    }

    private ApprovalDecision ask(Envelope cause, String op, Object payload) throws RequestFailedException {
        Envelope request = signer.next(cause, EnvelopeKind.TASK, house, payload, tracing.currentTraceparent());
        String subject = subjects.approval(op);
        Message reply = publisher.request(subject, request, REQUEST_TIMEOUT);
        Envelope answer = verify(reply.getData(), subject + " (reply)")
                .orElseThrow(() -> new RequestFailedException("the answer on " + subject + " was not from an approval"
                        + " authority (see the mesh.security log)"));
        JsonNode body = answer.payload();
        try {
            if (body != null && body.has("error")) {
                ErrorPayload error = EnvelopeCodec.readPayload(answer, ErrorPayload.class);
                throw new RequestFailedException(
                        "the approval authority refused the request: " + error.error() + ": " + error.message());
            }
            return EnvelopeCodec.readPayload(answer, ApprovalDecision.class);
        } catch (EnvelopeFormatException e) {
            throw new RequestFailedException("the approval authority's answer is malformed: " + e.getMessage(), e);
        }
    }

    private void onDecision(Message message) {
        verify(message.getData(), message.getSubject()).ifPresent(envelope -> {
            try {
                ApprovalDecision decision = EnvelopeCodec.readPayload(envelope, ApprovalDecision.class);
                CompletableFuture<ApprovalDecision> waiter = waiting.get(decision.approvalId());
                if (waiter != null) {
                    waiter.complete(decision);
                }
            } catch (EnvelopeFormatException e) {
                LOG.warnf("house %s: unreadable approval decision on %s: %s", house, message.getSubject(), e);
            }
        });
    }

    /** The envelope when it is validly signed by a configured authority node, else empty (and logged). */
    private java.util.Optional<Envelope> verify(byte[] data, String subject) {
        Verification verification = guard.check(data, subject, Set.of(NodeRole.HOUSE));
        if (verification instanceof Verification.Rejected rejected) {
            LOG.warnf("house %s: refused an approval message on %s: %s", house, subject, rejected.describe());
            return java.util.Optional.empty();
        }
        Envelope envelope = ((Verification.Accepted) verification).envelope();
        if (!config.authorityNodes().contains(envelope.nodeId())) {
            Logger.getLogger("mesh.security")
                    .warnf(
                            "house %s: approval message on %s signed by %s, which is not an approval authority (%s)",
                            house, subject, envelope.nodeId(), config.authorityNodes());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(envelope);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

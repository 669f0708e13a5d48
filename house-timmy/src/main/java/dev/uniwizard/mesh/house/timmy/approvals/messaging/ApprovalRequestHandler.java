package dev.uniwizard.mesh.house.timmy.approvals.messaging;

import dev.uniwizard.mesh.core.approval.ApprovalDecision;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalStatusRequest;
import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.ErrorPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.timmy.approvals.ApprovalAuthority;
import dev.uniwizard.mesh.house.timmy.approvals.ApprovalErrors;
import dev.uniwizard.mesh.house.timmy.approvals.RequestChecks;
import dev.uniwizard.mesh.house.timmy.approvals.Submission;
import dev.uniwizard.mesh.service.messaging.RequestResponder.Reply;
import dev.uniwizard.mesh.service.messaging.SignedReplies;
import dev.uniwizard.mesh.service.messaging.VerifiedRequestHandler;
import dev.uniwizard.mesh.service.security.EnvelopeGuard;
import dev.uniwizard.mesh.store.StoreFailures;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns one approval request from NATS (raw bytes) into a signed answer: verify (houses only), read, check, ask the
 * authority, answer. Every request gets an answer: the current {@link ApprovalDecision}, or an {@link ErrorPayload}
 * whose code is one of {@link ApprovalErrors}. A request whose work failed is released from the replay guard so that
 * it may be sent again as it is.
 */
@Singleton
public class ApprovalRequestHandler extends VerifiedRequestHandler {

    private static final Logger LOG = Logger.getLogger(ApprovalRequestHandler.class);

    /** Only houses ask for approvals. */
    static final Set<NodeRole> ALLOWED_ROLES = Set.of(NodeRole.HOUSE);

    private final ApprovalAuthority authority;

    public ApprovalRequestHandler(EnvelopeGuard guard, SignedReplies replies, ApprovalAuthority authority) {
        super(guard, replies, ALLOWED_ROLES, "the approval authority", "the approval store");
        this.authority = authority;
    }

    @Override
    protected Reply answer(String op, Envelope request) {
        return switch (op) {
            case Subjects.APPROVAL_REQUEST -> request(request);
            case Subjects.APPROVAL_STATUS -> status(request);
            default -> error(request, ApprovalErrors.BAD_REQUEST, "approvals have no operation '" + op + "'");
        };
    }

    @Override
    protected boolean isStoreFailure(RuntimeException e) {
        return StoreFailures.isDatabaseFailure(e);
    }

    @Override
    protected String houseOf(Envelope request) {
        return request.house();
    }

    private Reply request(Envelope envelope) {
        ApprovalRequest request;
        try {
            request = EnvelopeCodec.readPayload(envelope, ApprovalRequest.class);
        } catch (EnvelopeFormatException e) {
            return error(envelope, ApprovalErrors.BAD_REQUEST, e.getMessage());
        }
        Optional<RequestChecks.Problem> problem = RequestChecks.check(request);
        if (problem.isPresent()) {
            return error(envelope, problem.get().code(), problem.get().message());
        }
        if (!request.house().equals(envelope.house())) {
            return error(
                    envelope,
                    ApprovalErrors.HOUSE_MISMATCH,
                    "the request is for house '" + request.house() + "' but its envelope names house '"
                            + envelope.house() + "': a house asks for its own calls and names itself in both");
        }
        return switch (authority.submit(request, envelope.nodeId())) {
            case Submission.Answered answered ->
                answer(envelope, answered.decision(), answered.created() ? "recorded" : "known");
            case Submission.Refused refused -> error(envelope, refused.code(), refused.message());
        };
    }

    private Reply status(Envelope envelope) {
        ApprovalStatusRequest request;
        try {
            request = EnvelopeCodec.readPayload(envelope, ApprovalStatusRequest.class);
        } catch (EnvelopeFormatException e) {
            return error(envelope, ApprovalErrors.BAD_REQUEST, e.getMessage());
        }
        Optional<RequestChecks.Problem> problem = RequestChecks.approvalId(request.approvalId());
        if (problem.isPresent()) {
            return error(envelope, problem.get().code(), problem.get().message());
        }
        return authority
                .status(request.approvalId())
                .map(decision -> answer(envelope, decision, "ok"))
                .orElseGet(() -> error(
                        envelope,
                        ApprovalErrors.UNKNOWN_APPROVAL,
                        "there is no approval request '" + request.approvalId() + "'"));
    }

    private Reply answer(Envelope request, ApprovalDecision decision, String outcome) {
        return replies.answer(request, decision.house(), decision, outcome);
    }

    private Reply error(Envelope request, String code, String message) {
        LOG.debugf("approval request %s from %s refused: %s: %s", request.id(), request.nodeId(), code, message);
        return replies.error(request, request.house(), code, message);
    }
}

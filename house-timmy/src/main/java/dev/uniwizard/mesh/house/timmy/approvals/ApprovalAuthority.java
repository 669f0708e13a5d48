package dev.uniwizard.mesh.house.timmy.approvals;

import dev.uniwizard.mesh.core.approval.ApprovalDecision;
import dev.uniwizard.mesh.core.approval.ApprovalRequest;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.house.timmy.approvals.config.ApprovalAuthorityConfig;
import dev.uniwizard.mesh.house.timmy.approvals.config.AutoRules;
import dev.uniwizard.mesh.house.timmy.approvals.messaging.DecisionPublisher;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalRecord;
import dev.uniwizard.mesh.house.timmy.approvals.store.ApprovalStore;
import dev.uniwizard.mesh.house.timmy.approvals.store.NewApproval;
import dev.uniwizard.mesh.house.timmy.approvals.store.Recorded;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Timmy's final say over tool calls: records what houses ask, applies the auto rules, takes operators' decisions,
 * expires what nobody decided in time, and publishes every change after it is committed. Houses (over NATS) and
 * operators (over HTTP) both go through here. Each change of state is counted in {@code mesh.approvals{state}}.
 */
@Singleton
public class ApprovalAuthority {

    private static final Logger LOG = Logger.getLogger(ApprovalAuthority.class);

    /** Requests expired per sweep transaction. */
    static final int EXPIRY_BATCH = 100;

    private final ApprovalStore store;
    private final AutoRules rules;
    private final DecisionPublisher publisher;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Duration maxLifetime;

    public ApprovalAuthority(
            ApprovalStore store,
            AutoRules rules,
            DecisionPublisher publisher,
            MeterRegistry registry,
            Clock clock,
            ApprovalAuthorityConfig config) {
        this.store = store;
        this.rules = rules;
        this.publisher = publisher;
        this.registry = registry;
        this.clock = clock;
        this.maxLifetime = config.maxLifetime();
    }

    /**
     * A house asks (checked by {@link RequestChecks}): records the request if it is new, and answers its current
     * state. Asking again with the same id and call is idempotent; the same id for another call is a conflict.
     */
    public Submission submit(ApprovalRequest request, String requestingNode) {
        Optional<ApprovalRecord> existing = store.find(request.approvalId());
        if (existing.isPresent()) {
            return answerExisting(existing.get(), request);
        }
        Instant now = now();
        if (!request.expiresAt().isAfter(now)) {
            return new Submission.Refused(
                    ApprovalErrors.BAD_EXPIRY,
                    "expiresAt " + request.expiresAt() + " is not in the future (now " + now + ")");
        }
        if (request.expiresAt().isAfter(now.plus(maxLifetime))) {
            return new Submission.Refused(
                    ApprovalErrors.BAD_EXPIRY,
                    "expiresAt " + request.expiresAt() + " is more than " + maxLifetime.toHours()
                            + " h away; a request may wait at most until " + now.plus(maxLifetime));
        }
        Optional<AutoRules.AutoDecision> auto = rules.decide(request.tool(), request.arguments());
        Recorded recorded = store.record(new NewApproval(
                request,
                requestingNode,
                now,
                auto.map(AutoRules.AutoDecision::state).orElse(null),
                auto.map(AutoRules.AutoDecision::decidedBy).orElse(null)));
        if (!recorded.created()) {
            // Recorded by a concurrent delivery between the lookup and the insert.
            return answerExisting(recorded.record(), request);
        }
        ApprovalRecord record = recorded.record();
        count(ApprovalState.PENDING);
        publisher.requested(pendingView(record));
        if (record.state().decided()) {
            LOG.infof(
                    "approval %s (%s %s) %s by %s",
                    record.id(), record.house(), record.tool(), record.state().wireName(), record.decidedBy());
            count(record.state());
            publisher.decided(record);
        } else {
            LOG.infof(
                    "approval %s: %s asks to run %s, waiting for the operator until %s",
                    record.id(), record.house(), record.tool(), record.expiresAt());
        }
        return new Submission.Answered(record.decision(), true);
    }

    /** The current state of a request, expiring it first if it is overdue; empty for an unknown id. */
    public Optional<ApprovalDecision> status(String approvalId) {
        return find(approvalId).map(ApprovalRecord::decision);
    }

    /** A request as it stands now (an overdue one is expired on the spot). */
    public Optional<ApprovalRecord> find(String approvalId) {
        return store.find(approvalId).map(this::current);
    }

    /** Requests, newest first, after expiring the overdue ones so that none shows as pending past its expiry. */
    public List<ApprovalRecord> list(Optional<ApprovalState> state, int limit) {
        expireOverdue();
        return store.list(state, limit);
    }

    /**
     * An operator approves or denies. {@code seenDigest}, when given, binds the decision to the arguments the operator
     * looked at.
     */
    public OperatorOutcome decide(
            String approvalId, ApprovalState decision, String decidedBy, String note, Optional<String> seenDigest) {
        Optional<ApprovalRecord> found = find(approvalId);
        if (found.isEmpty()) {
            return new OperatorOutcome.NotFound(approvalId);
        }
        ApprovalRecord record = found.get();
        if (record.state() == ApprovalState.EXPIRED) {
            return new OperatorOutcome.Expired(record);
        }
        if (record.state().decided()) {
            return new OperatorOutcome.AlreadyDecided(record);
        }
        if (seenDigest.isPresent() && !seenDigest.get().equals(record.argumentsDigest())) {
            return new OperatorOutcome.DigestMismatch(record, seenDigest.get());
        }
        Optional<ApprovalRecord> decided = store.decide(approvalId, decision, decidedBy, note, now());
        if (decided.isEmpty()) {
            // Decided or expired by someone else since it was read: say what it is now.
            ApprovalRecord latest = find(approvalId).orElseThrow();
            return latest.state() == ApprovalState.EXPIRED
                    ? new OperatorOutcome.Expired(latest)
                    : new OperatorOutcome.AlreadyDecided(latest);
        }
        ApprovalRecord result = decided.get();
        LOG.infof(
                "approval %s (%s %s) %s by %s",
                result.id(), result.house(), result.tool(), result.state().wireName(), decidedBy);
        count(result.state());
        publisher.decided(result);
        return new OperatorOutcome.Decided(result);
    }

    /** Expires every pending request past its expiry; the number expired. */
    public int expireOverdue() {
        int total = 0;
        List<ApprovalRecord> expired;
        do {
            expired = store.expireOverdue(now(), EXPIRY_BATCH);
            for (ApprovalRecord record : expired) {
                expiredNow(record);
            }
            total += expired.size();
        } while (expired.size() == EXPIRY_BATCH);
        return total;
    }

    private Submission answerExisting(ApprovalRecord existing, ApprovalRequest request) {
        if (!existing.house().equals(request.house())
                || !existing.tool().equals(request.tool())
                || !existing.argumentsDigest().equals(request.argumentsDigest())) {
            return new Submission.Refused(
                    ApprovalErrors.CONFLICT,
                    "approval id " + existing.id() + " is already taken by " + existing.house() + "'s call of "
                            + existing.tool() + " with arguments " + existing.argumentsDigest() + "; this request is "
                            + request.house() + "'s call of " + request.tool() + " with arguments "
                            + request.argumentsDigest() + ": another call needs another approval id");
        }
        return new Submission.Answered(current(existing).decision(), false);
    }

    private ApprovalRecord current(ApprovalRecord record) {
        if (!record.overdue(now())) {
            return record;
        }
        Optional<ApprovalRecord> expired = store.expireIfOverdue(record.id(), now());
        if (expired.isPresent()) {
            expiredNow(expired.get());
            return expired.get();
        }
        // Expired (or decided) concurrently: read what it is now.
        return store.find(record.id()).orElse(record);
    }

    private void expiredNow(ApprovalRecord record) {
        LOG.infof(
                "approval %s (%s %s) expired at %s without a decision",
                record.id(), record.house(), record.tool(), record.expiresAt());
        count(ApprovalState.EXPIRED);
        publisher.decided(record);
    }

    /** What the feed shows for a new request: the pending state, even if a rule decided it in the same breath. */
    private static ApprovalRecord pendingView(ApprovalRecord record) {
        if (record.state() == ApprovalState.PENDING) {
            return record;
        }
        return new ApprovalRecord(
                record.id(),
                record.house(),
                record.tool(),
                record.arguments(),
                record.argumentsDigest(),
                record.reason(),
                record.conversationId(),
                record.correlationId(),
                record.requestedByNode(),
                record.requestedFor(),
                record.requestedAt(),
                record.expiresAt(),
                ApprovalState.PENDING,
                null,
                null,
                null);
    }

    private void count(ApprovalState state) {
        registry.counter(
                        "mesh.approvals", "state", Objects.requireNonNull(state).wireName())
                .increment();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

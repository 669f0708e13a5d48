package dev.uniwizard.mesh.service.messaging;

import dev.uniwizard.mesh.core.trust.NodeRole;
import java.time.Duration;
import java.util.Set;

/**
 * How a JetStream worker consumes: from which stream and durable consumer (replicas bind to the same durable and
 * share the work), which subjects, from which roles, how many at once, and how patiently.
 *
 * @param stream the stream name
 * @param durable the durable consumer name, shared by every replica of the service
 * @param filterSubject the subjects to take
 * @param allowedRoles roles whose envelopes are acted on; others are rejected as security events
 * @param concurrency how many messages are processed at once
 * @param ackWait how long one attempt may take before JetStream redelivers
 * @param maxDeliver attempts before the message is dead-lettered
 */
public record WorkerSpec(
        String stream,
        String durable,
        String filterSubject,
        Set<NodeRole> allowedRoles,
        int concurrency,
        Duration ackWait,
        int maxDeliver) {

    public WorkerSpec {
        if (concurrency < 1 || maxDeliver < 1) {
            throw new IllegalArgumentException("concurrency and maxDeliver must be at least 1");
        }
    }

    public static WorkerSpec of(String stream, String durable, String filterSubject, Set<NodeRole> allowedRoles) {
        return new WorkerSpec(stream, durable, filterSubject, allowedRoles, 8, Duration.ofSeconds(60), 5);
    }

    public WorkerSpec withAckWait(Duration wait) {
        return new WorkerSpec(stream, durable, filterSubject, allowedRoles, concurrency, wait, maxDeliver);
    }

    public WorkerSpec withMaxDeliver(int attempts) {
        return new WorkerSpec(stream, durable, filterSubject, allowedRoles, concurrency, ackWait, attempts);
    }

    public WorkerSpec withConcurrency(int count) {
        return new WorkerSpec(stream, durable, filterSubject, allowedRoles, count, ackWait, maxDeliver);
    }
}

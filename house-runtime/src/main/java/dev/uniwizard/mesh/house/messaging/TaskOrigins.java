package dev.uniwizard.mesh.house.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import java.util.Optional;
import java.util.Set;

/**
 * Who may give a house work on {@code <root>.task.<house>}: the router (operators' messages, routed), and the
 * scheduler (scheduled jobs) — a {@code service} node that speaks for {@code scheduler} ({@code scheduler},
 * {@code scheduler-1}, ...). Any other service node (memory-svc, the observatory) is refused, so a compromised or
 * misconfigured service cannot make a house act. Gateways and houses never pass the envelope guard on this subject.
 */
public final class TaskOrigins {

    /** The roles the envelope guard lets through; {@link #check} then narrows the service nodes. */
    public static final Set<NodeRole> ROLES = Set.of(NodeRole.ROUTER, NodeRole.SERVICE);

    /** The service whose nodes may send tasks. */
    public static final String SCHEDULER = "scheduler";

    /** Why a task is refused: a metric label and a sentence for the log, the security event and the dead letter. */
    public record Violation(String reason, String detail) {}

    private TaskOrigins() {}

    /** What is wrong with {@code task}, signed by a node of {@code role}, if anything. */
    public static Optional<Violation> check(NodeRole role, Envelope task) {
        if (role == null) {
            return violation("unknown_node", "node '" + task.nodeId() + "' is no longer in the trust store");
        }
        return switch (role) {
            case ROUTER -> Optional.empty();
            case SERVICE ->
                HouseNodes.speaksFor(task.nodeId(), SCHEDULER)
                        ? Optional.empty()
                        : violation(
                                "service_not_scheduler",
                                "service node " + task.nodeId() + " may not give houses tasks: of the services only"
                                        + " the scheduler (node scheduler or scheduler-<n>) may");
            default ->
                violation(
                        "role_not_allowed",
                        "a " + role.wireName() + " node (" + task.nodeId() + ") may not give houses tasks");
        };
    }

    private static Optional<Violation> violation(String reason, String detail) {
        return Optional.of(new Violation(reason, detail));
    }
}

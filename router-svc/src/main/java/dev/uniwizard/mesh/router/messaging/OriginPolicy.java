package dev.uniwizard.mesh.router.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import java.util.Optional;

/**
 * Who may put a message on which inbound subject. Gateways speak for operators on their platforms
 * ({@code <root>.in.<platform>}, never {@code in.mesh}); houses speak only for themselves, on {@code <root>.in.mesh}
 * with sender {@code mesh:<house>}, where the house is the signing node's own: node {@code ezra-1} (or
 * {@code ezra}) speaks as {@code ezra}.
 */
public final class OriginPolicy {

    /** The platform of messages houses send each other. */
    public static final String MESH_PLATFORM = "mesh";

    /** Why an envelope is refused: a metric label and a sentence for the log and the dead letter. */
    public record Violation(String reason, String detail) {}

    private final String meshSubject;

    public OriginPolicy(Subjects subjects) {
        this.meshSubject = subjects.in(MESH_PLATFORM);
    }

    /** What is wrong with {@code message} signed by a node of {@code role} arriving on {@code subject}, if anything. */
    public Optional<Violation> check(NodeRole role, Envelope message, String subject) {
        boolean onMesh = subject.equals(meshSubject);
        if (role == null) {
            return violation("unknown_node", "node '" + message.nodeId() + "' is no longer in the trust store");
        }
        return switch (role) {
            case GATEWAY ->
                onMesh
                        ? violation(
                                "gateway_on_mesh",
                                "gateway " + message.nodeId() + " may not publish on " + subject
                                        + ", which is for houses only")
                        : Optional.empty();
            case HOUSE -> onMesh ? houseSender(message) : houseOutsideMesh(message, subject);
            default ->
                violation(
                        "role_not_allowed",
                        "a " + role.wireName() + " node (" + message.nodeId()
                                + ") may not send messages to the router");
        };
    }

    private static Optional<Violation> houseOutsideMesh(Envelope message, String subject) {
        return violation(
                "house_outside_mesh",
                "house node " + message.nodeId() + " may not publish on " + subject
                        + ": houses send messages only on the mesh platform");
    }

    private static Optional<Violation> houseSender(Envelope message) {
        Sender sender = message.sender();
        String claimed = sender == null ? "no sender" : "sender " + sender.platform() + ":" + sender.userId();
        if (sender == null
                || !MESH_PLATFORM.equals(sender.platform())
                || !Subjects.isToken(sender.userId())
                || !HouseNodes.speaksFor(message.nodeId(), sender.userId())) {
            return violation(
                    "house_bad_sender",
                    "house node " + message.nodeId() + " sent " + message.id() + " with " + claimed
                            + "; a house speaks only as mesh:<its own name>");
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String reason, String detail) {
        return Optional.of(new Violation(reason, detail));
    }
}

package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import java.util.Optional;
import java.util.Set;

/** What is wrong with an authentic heartbeat, if anything: a node may only report itself, on its service's subject. */
public final class HeartbeatProblems {

    /** A problem: a metric label and a description for the log. */
    public record Problem(String reason, String detail) {}

    private static final Set<String> STATUSES = Set.of(MeshHealth.UP, MeshHealth.DOWN);

    private HeartbeatProblems() {}

    public static Optional<Problem> find(Envelope envelope, HeartbeatPayload heartbeat, String subject) {
        if (!Subjects.isToken(heartbeat.service())) {
            return problem("malformed", "service '" + heartbeat.service() + "' is not a valid service name");
        }
        if (heartbeat.instance() == null || heartbeat.instance().isBlank()) {
            return problem("malformed", "instance is missing");
        }
        if (heartbeat.status() == null || !STATUSES.contains(heartbeat.status())) {
            return problem("malformed", "status '" + heartbeat.status() + "' is not UP or DOWN");
        }
        if (!heartbeat.instance().equals(envelope.nodeId())) {
            return problem(
                    "not_self",
                    "node '" + envelope.nodeId() + "' reported instance '" + heartbeat.instance()
                            + "'; a node may only report itself");
        }
        if (!heartbeat.service().equals(Subjects.lastToken(subject))) {
            return problem("wrong_subject", "service '" + heartbeat.service() + "' reported on subject " + subject);
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(String reason, String detail) {
        return Optional.of(new Problem(reason, detail));
    }
}

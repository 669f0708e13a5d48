package dev.uniwizard.mesh.core.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import java.util.Optional;
import java.util.Set;

/**
 * What is wrong with an authentic heartbeat, if anything. The signature only says which node sent it; these rules say
 * it may be believed: a node reports only itself, on its own service's subject, with status {@code UP} or
 * {@code DOWN}. Shared by every service that watches heartbeats, so they all ignore the same things.
 */
public final class HeartbeatProblems {

    /**
     * A problem.
     *
     * @param reason a metric label: {@code malformed}, {@code not_self}, {@code wrong_subject} (or a watcher's own,
     *     e.g. {@code not_the_house})
     * @param detail what was wrong, for the log
     */
    public record Problem(String reason, String detail) {}

    private static final Set<String> STATUSES = Set.of(HeartbeatPayload.UP, HeartbeatPayload.DOWN);

    private HeartbeatProblems() {}

    /** The first problem of {@code heartbeat}, signed into {@code envelope} and received on {@code subject}. */
    public static Optional<Problem> find(Envelope envelope, HeartbeatPayload heartbeat, String subject) {
        if (heartbeat == null) {
            return problem("malformed", "the payload is empty");
        }
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

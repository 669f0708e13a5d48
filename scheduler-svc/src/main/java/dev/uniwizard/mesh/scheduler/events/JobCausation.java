package dev.uniwizard.mesh.scheduler.events;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.scheduler.firing.TaskFactory;
import java.nio.charset.StandardCharsets;

/**
 * Tells events that a job caused, which must not trigger jobs: otherwise a job triggered by tool-call events would
 * trigger itself with its own tool calls, forever. An event counts as caused by a job when it carries a job's sender
 * (platform {@code scheduler}, which every envelope following a scheduled task keeps) or conversation ({@code job:...}),
 * when a scheduler node signed it (its own security and dead-letter events), or when it is a dead letter of such a
 * message. Delivery events of job answers are recognised by their run (see {@link EventTriggers}).
 */
final class JobCausation {

    private JobCausation() {}

    static boolean causedByJob(Envelope event, String subject, Subjects subjects) {
        if (carriesJob(event) || HouseNodes.speaksFor(event.nodeId(), Platforms.SCHEDULER)) {
            return true;
        }
        if (subject.equals(subjects.events(Subjects.EVENT_DEAD_LETTER))) {
            try {
                DeadLetterPayload dead = EnvelopeCodec.readPayload(event, DeadLetterPayload.class);
                return dead.original() != null
                        && carriesJob(EnvelopeCodec.parse(dead.original().getBytes(StandardCharsets.UTF_8))
                                .envelope());
            } catch (EnvelopeFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean carriesJob(Envelope envelope) {
        return (envelope.sender() != null
                        && TaskFactory.SENDER_PLATFORM.equals(envelope.sender().platform()))
                || (envelope.conversationId() != null
                        && envelope.conversationId().startsWith("job:"));
    }
}

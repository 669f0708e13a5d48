package dev.uniwizard.mesh.scheduler.firing;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.scheduler.validation.ToolCommands;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the signed task envelope of a firing. Its id is derived from the job's task namespace and the tick (or
 * trigger), so a firing repeated after a crash publishes the same id and JetStream stores it once; the correlation id is
 * the task's own id, which the house's reply carries back.
 */
@Singleton
public class TaskFactory {

    /** The sender platform of every scheduled task; replies and events that carry it were caused by a job. */
    public static final String SENDER_PLATFORM = Platforms.SCHEDULER;

    private final EnvelopeSigner signer;
    private final String keyId;
    private final Clock clock;

    public TaskFactory(EnvelopeSigner signer, NodeKey key, Clock clock) {
        if (!signer.nodeId().equals(key.nodeId())) {
            throw new IllegalArgumentException("the signer of " + signer.nodeId() + " does not hold key " + key);
        }
        this.signer = signer;
        this.keyId = key.keyId();
        this.clock = clock;
    }

    /** The id of the task of a tick ({@code label} = the tick as ISO-8601) or a trigger ({@code event:...}). */
    public static String taskId(UUID namespace, String label) {
        return Ids.derive(namespace.toString(), label);
    }

    /** The conversation every firing of a job belongs to. */
    public static String conversation(String jobName) {
        return "job:" + jobName;
    }

    /** The platform the house's answer goes to: the delivery's, or {@code scheduler} (recorded only). */
    public static String replyPlatform(JobSpec spec) {
        return spec.delivery() == null ? Platforms.SCHEDULER : spec.delivery().platform();
    }

    /** What the house is asked: the prompt, or the tool call as a {@code /tool} command. */
    public static String text(JobTarget target) {
        return target.tool() != null ? ToolCommands.render(target.tool(), target.args()) : target.prompt();
    }

    /** The signed task of one firing of {@code spec}. */
    public Envelope task(JobSpec spec, String taskId, String scheduleDescription) {
        JobDelivery delivery = spec.delivery();
        ReplyAddress replyTo =
                delivery == null ? null : new ReplyAddress(delivery.chat(), delivery.thread(), null, null);
        TaskPayload payload = new TaskPayload(
                text(spec.target()),
                replyPlatform(spec),
                "scheduled job " + spec.name() + " (" + scheduleDescription + ")",
                replyTo);
        return signer.sign(new Envelope(
                Envelope.VERSION,
                taskId,
                taskId,
                conversation(spec.name()),
                signer.nodeId(),
                EnvelopeKind.TASK,
                spec.target().house(),
                new Sender(SENDER_PLATFORM, spec.name(), "job " + spec.name()),
                EnvelopeCodec.payloadOf(payload),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                null,
                keyId,
                null));
    }

    public String nodeId() {
        return signer.nodeId();
    }
}

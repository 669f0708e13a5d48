package dev.uniwizard.mesh.core.streams;

import dev.uniwizard.mesh.core.subjects.Subjects;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;

/**
 * The JetStream streams of the mesh. Retention is chosen per stream on purpose:
 *
 * <ul>
 *   <li>INBOUND ({@code <root>.in.>}) and TASKS ({@code <root>.task.>}): work queues. A message stays until one consumer
 *       acknowledges it, so work survives restarts and replicas share it; it is never kept after it is done.
 *   <li>OUTBOUND ({@code <root>.out.>}): limits, kept for {@code outboundMaxAge}. Every gateway replica watches replies
 *       (only the one holding the HTTP request uses it) and late readers can still find a reply.
 *   <li>EVENTS ({@code <root>.events.>}): limits, kept for {@code eventsMaxAge}, read by observers at their own pace.
 * </ul>
 *
 * All use file storage and a duplicate window: publishers set {@code Nats-Msg-Id} to the envelope id.
 */
public final class MeshStreams {

    public static final String DEFAULT_PREFIX = "MESH_";

    private final Subjects subjects;
    private final String prefix;
    private final Settings settings;

    /** Tunables; {@link #defaults()} suits production. */
    public record Settings(
            Duration duplicateWindow,
            Duration workMaxAge,
            Duration outboundMaxAge,
            Duration eventsMaxAge,
            int replicas) {

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofHours(24), Duration.ofDays(7), 1);
        }
    }

    public MeshStreams(Subjects subjects, String prefix, Settings settings) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException(
                    "stream prefix '" + prefix + "' may hold only letters, digits, '_', '-'");
        }
        this.subjects = subjects;
        this.prefix = prefix;
        this.settings = settings;
    }

    public String inbound() {
        return prefix + "INBOUND";
    }

    public String tasks() {
        return prefix + "TASKS";
    }

    public String outbound() {
        return prefix + "OUTBOUND";
    }

    public String events() {
        return prefix + "EVENTS";
    }

    public String prefix() {
        return prefix;
    }

    public List<StreamConfiguration> definitions() {
        return List.of(
                stream(inbound(), subjects.inAll(), RetentionPolicy.WorkQueue, settings.workMaxAge()),
                stream(tasks(), subjects.taskAll(), RetentionPolicy.WorkQueue, settings.workMaxAge()),
                stream(outbound(), subjects.outAll(), RetentionPolicy.Limits, settings.outboundMaxAge()),
                stream(events(), subjects.eventsAll(), RetentionPolicy.Limits, settings.eventsMaxAge()));
    }

    private StreamConfiguration stream(String name, String subject, RetentionPolicy retention, Duration maxAge) {
        return StreamConfiguration.builder()
                .name(name)
                .subjects(subject)
                .retentionPolicy(retention)
                .storageType(StorageType.File)
                .discardPolicy(DiscardPolicy.Old)
                .maxAge(maxAge)
                .duplicateWindow(settings.duplicateWindow())
                .replicas(settings.replicas())
                .description(
                        "Uni-Wizard Mesh " + name.substring(prefix.length()).toLowerCase() + " stream")
                .build();
    }
}

package dev.uniwizard.mesh.testkit;

import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.util.Locale;
import java.util.UUID;

/**
 * A subject root and stream prefix of a test's own, so tests never see each other's messages; {@link #deleteStreams()}
 * removes what the test created.
 */
public record TestNamespace(String id) {

    public static TestNamespace create() {
        return new TestNamespace(
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT));
    }

    public String subjectRoot() {
        return "t" + id + ".mesh";
    }

    public String streamPrefix() {
        return "T" + id.toUpperCase(Locale.ROOT) + "_";
    }

    public Subjects subjects() {
        return new Subjects(subjectRoot());
    }

    public MeshStreams streams() {
        return new MeshStreams(subjects(), streamPrefix(), MeshStreams.Settings.defaults());
    }

    /** Deletes every stream whose name starts with this namespace's prefix. */
    public void deleteStreams() {
        try (Connection connection = Nats.connect(LocalServers.natsUrl())) {
            JetStreamManagement jsm = connection.jetStreamManagement();
            for (String name : jsm.getStreamNames()) {
                if (name.startsWith(streamPrefix())) {
                    jsm.deleteStream(name);
                }
            }
        } catch (Exception e) {
            System.err.println("could not delete the test streams " + streamPrefix() + "*: " + e);
        }
    }
}

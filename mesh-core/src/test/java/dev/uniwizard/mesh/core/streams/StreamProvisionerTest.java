package dev.uniwizard.mesh.core.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.subjects.Subjects;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real local NATS server, in a namespace of its own. */
class StreamProvisionerTest {

    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final MeshStreams streams =
            new MeshStreams(new Subjects("t" + id + ".mesh"), "TP" + id + "_", MeshStreams.Settings.defaults());
    private Connection connection;
    private JetStreamManagement jsm;

    @BeforeEach
    void connect() throws Exception {
        String url = System.getenv().getOrDefault("MESH_TEST_NATS_URL", "nats://127.0.0.1:4222");
        connection = Nats.connect(url);
        jsm = connection.jetStreamManagement();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (String name : jsm.getStreamNames()) {
            if (name.startsWith(streams.prefix())) {
                jsm.deleteStream(name);
            }
        }
        connection.close();
    }

    @Test
    void createsOnceThenLeavesAloneThenUpdates() throws Exception {
        StreamProvisioner provisioner = new StreamProvisioner(jsm);

        assertThat(provisioner.provision(streams.definitions()))
                .extracting(StreamProvisioner.Result::outcome)
                .containsOnly(StreamProvisioner.Outcome.CREATED);
        assertThat(provisioner.provision(streams.definitions()))
                .extracting(StreamProvisioner.Result::outcome)
                .containsOnly(StreamProvisioner.Outcome.UNCHANGED);

        StreamConfiguration tasks = jsm.getStreamInfo(streams.tasks()).getConfiguration();
        assertThat(tasks.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
        assertThat(tasks.getStorageType()).isEqualTo(StorageType.File);
        assertThat(tasks.getDuplicateWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(jsm.getStreamInfo(streams.outbound()).getConfiguration().getRetentionPolicy())
                .isEqualTo(RetentionPolicy.Limits);

        MeshStreams longer = new MeshStreams(
                new Subjects("t" + id + ".mesh"),
                streams.prefix(),
                new MeshStreams.Settings(
                        Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofHours(48), Duration.ofDays(7), 1));
        List<StreamProvisioner.Result> updated = provisioner.provision(longer.definitions());
        assertThat(updated)
                .filteredOn(r -> r.stream().equals(streams.outbound()))
                .extracting(StreamProvisioner.Result::outcome)
                .containsExactly(StreamProvisioner.Outcome.UPDATED);
        assertThat(jsm.getStreamInfo(streams.outbound()).getConfiguration().getMaxAge())
                .isEqualTo(Duration.ofHours(48));
    }

    @Test
    void refusesToTouchAStreamWithAnotherRetention() throws Exception {
        jsm.addStream(StreamConfiguration.builder()
                .name(streams.tasks())
                .subjects("t" + id + ".mesh.task.>")
                .retentionPolicy(RetentionPolicy.Interest)
                .storageType(StorageType.File)
                .build());

        assertThatThrownBy(() -> new StreamProvisioner(jsm).provision(streams.definitions()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists with retention interest but the mesh needs workqueue");
    }
}

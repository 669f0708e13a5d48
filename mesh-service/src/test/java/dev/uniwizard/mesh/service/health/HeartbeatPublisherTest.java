package dev.uniwizard.mesh.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The heartbeat of a service without {@link HeartbeatFacts} (the test app {@code libtest}): host facts, no house. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service")
        })
class HeartbeatPublisherTest {

    @Inject
    HeartbeatPublisher publisher;

    @Test
    void aHeartbeatCarriesTheHostAndNoHouseFacts() {
        HeartbeatPayload heartbeat = publisher.current();

        assertThat(heartbeat.service()).isEqualTo("libtest");
        assertThat(heartbeat.instance()).isEqualTo("scheduler-test");
        assertThat(heartbeat.host()).isNotNull();
        assertThat(heartbeat.host().hostname()).isNotBlank();
        assertThat(heartbeat.host().memoryUsedRatio()).isBetween(0.0, 1.0);
        assertThat(heartbeat.host().diskUsedRatio()).isBetween(0.0, 1.0);
        assertThat(heartbeat.host().heapUsedRatio()).isBetween(0.0, 1.0);
        assertThat(heartbeat.house()).isNull();
    }
}

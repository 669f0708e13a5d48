package dev.uniwizard.mesh.scheduler.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.scheduler.store.JobStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class SchedulerLivenessTest {

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    JobStore jobs;

    private final List<Message> heartbeats = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    @BeforeEach
    void watchHeartbeats() {
        dispatcher = connection.createDispatcher(heartbeats::add);
        dispatcher.subscribe(subjects.health("scheduler"));
    }

    @AfterEach
    void stopWatching() {
        connection.closeDispatcher(dispatcher);
    }

    @Test
    void publishesASignedUpHeartbeatAndIsReady() throws Exception {
        Message first = await().atMost(Duration.ofSeconds(10))
                .until(() -> heartbeats.stream().findFirst(), java.util.Optional::isPresent)
                .orElseThrow();

        Envelope envelope = EnvelopeCodec.parse(first.getData()).envelope();
        assertThat(envelope.kind()).isEqualTo(EnvelopeKind.EVENT);
        assertThat(envelope.nodeId()).isEqualTo("scheduler-test");
        HeartbeatPayload heartbeat = EnvelopeCodec.readPayload(envelope, HeartbeatPayload.class);
        assertThat(heartbeat.service()).isEqualTo("scheduler");
        assertThat(heartbeat.instance()).isEqualTo("scheduler-test");
        assertThat(heartbeat.status()).isEqualTo("UP");
        assertThat(heartbeat.intervalSeconds()).isEqualTo(1);

        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void statusNamesTheNodeAndCountsTheJobs() {
        given().when()
                .get("/api/v1/scheduler/status")
                .then()
                .statusCode(200)
                .body("node", equalTo("scheduler-test"))
                .body("jobs", equalTo(jobs.list().size()))
                .body("message", equalTo("fires due jobs (with every other scheduler node on the same database)"));
    }
}

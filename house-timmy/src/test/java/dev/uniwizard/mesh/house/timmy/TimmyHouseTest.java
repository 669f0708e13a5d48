package dev.uniwizard.mesh.house.timmy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.testkit.FakeMemory;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestExchanges;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timmy starts, takes a task as the router would send it, and introduces itself with its persona. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "timmy-test"), @ResourceArg(name = "role", value = "house")})
class TimmyHouseTest {

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Test
    void answersHelpWithItsPersonaAndStoresTheExchange() {
        try (FakeMemory memory = FakeMemory.answering(connection, subjects);
                SubjectRecorder replies = SubjectRecorder.watch(connection, subjects.out("http"))) {
            Envelope message = TestExchanges.operatorMessage("timmy", "/help");

            MeshTestSupport.publish(
                    jetStream, subjects.task("timmy"), TestExchanges.routedTask(message, "timmy", "/help"));

            Envelope reply = replies.awaitEnvelope(subjects.out("http"));
            ReplyPayload payload = SubjectRecorder.payload(reply, ReplyPayload.class);
            assertThat(reply.nodeId()).isEqualTo("timmy-test");
            assertThat(reply.correlationId()).isEqualTo(message.id());
            assertThat(payload.status()).isEqualTo(ReplyPayload.OK);
            assertThat(payload.text())
                    .startsWith("Timmy, the sovereign: judgment, priorities and the final approval.")
                    .contains("house 'timmy'", "SIMPLE mode", "/tool NAME", "echo", "system_info");
            await().atMost(Duration.ofSeconds(5)).until(() -> memory.appended().size() == 2);
            assertThat(memory.appended()).extracting(a -> a.role()).containsExactly("user", "assistant");
        }
    }
}

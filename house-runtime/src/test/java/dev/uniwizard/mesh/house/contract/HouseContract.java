package dev.uniwizard.mesh.house.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.testkit.FakeMemory;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestExchanges;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What every house must do, run by each house app against its own build: it starts, takes a task as the router sends
 * it, answers {@code /help} with its persona, and stores the exchange in memory. A house test extends this with
 * {@code @QuarkusTest} and a {@code MeshTestResource} for node {@code <house>-test}.
 */
public abstract class HouseContract {

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    /** The house's name, e.g. {@code timmy}. */
    protected abstract String house();

    /** The first line of the house's persona.md. */
    protected abstract String personaFirstLine();

    @Test
    void answersHelpWithItsPersonaAndStoresTheExchange() {
        try (FakeMemory memory = FakeMemory.answering(connection, subjects);
                SubjectRecorder replies = SubjectRecorder.watch(connection, subjects.out("http"))) {
            Envelope message = TestExchanges.operatorMessage(house(), "/help");

            MeshTestSupport.publish(
                    jetStream, subjects.task(house()), TestExchanges.routedTask(message, house(), "/help"));

            Envelope reply = replies.awaitEnvelope(subjects.out("http"));
            ReplyPayload payload = SubjectRecorder.payload(reply, ReplyPayload.class);
            assertThat(reply.nodeId()).isEqualTo(house() + "-test");
            assertThat(reply.correlationId()).isEqualTo(message.id());
            assertThat(payload.status()).isEqualTo(ReplyPayload.OK);
            assertThat(payload.text())
                    .startsWith(personaFirstLine())
                    .contains("house '" + house() + "'", "mode", "/tool NAME", "/mode MODE", "echo", "system_info");
            await().atMost(Duration.ofSeconds(5)).until(() -> memory.appended().size() == 2);
            assertThat(memory.appended()).extracting(a -> a.role()).containsExactly("user", "assistant");
        }
    }
}

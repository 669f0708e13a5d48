package dev.uniwizard.mesh.house.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled jobs reach a house as tasks signed by the scheduler's service node: house {@code keeper} answers one from
 * scheduler-test on {@code out.scheduler}, and refuses one signed by memory-test (another service) as a security
 * event, dead-lettered and unanswered.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "keeper-test"), @ResourceArg(name = "role", value = "house")})
@WithTestResource(HouseAgentResource.class)
class SchedulerTaskAgentTest extends HouseAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MeterRegistry registry;

    private SubjectRecorder seen;

    @Override
    protected String house() {
        return "keeper";
    }

    @BeforeEach
    void watch() {
        seen = SubjectRecorder.watch(connection, subjects.outAll(), subjects.eventsAll());
    }

    @AfterEach
    void stopWatching() {
        seen.close();
    }

    @Test
    void aTaskOfTheSchedulerIsAnsweredOnTheSchedulersSubject() {
        Envelope task = scheduledTask("scheduler-test", "nightly-echo");

        MeshTestSupport.publish(jetStream, subjects.task("keeper"), task);

        Envelope reply = awaitOn(subjects.out(Platforms.SCHEDULER), task);
        assertThat(reply.kind()).isEqualTo(EnvelopeKind.REPLY);
        assertThat(reply.nodeId()).isEqualTo("keeper-test");
        assertThat(reply.conversationId()).isEqualTo("job:nightly-echo");
        ReplyPayload payload = SubjectRecorder.payload(reply, ReplyPayload.class);
        assertThat(payload.status()).isEqualTo(ReplyPayload.OK);
        assertThat(payload.text()).contains("hello from the scheduler");
        assertThat(memory.appended())
                .anySatisfy(stored -> assertThat(stored.conversationId()).isEqualTo("job:nightly-echo"));
    }

    @Test
    void aTaskOfAnotherServiceIsRefusedAndDeadLettered() {
        double refused = MeshTestSupport.count(registry, "mesh.house.refused", "reason", "service_not_scheduler");
        Envelope task = scheduledTask("memory-test", "sneaky");

        MeshTestSupport.publish(jetStream, subjects.task("keeper"), task);

        SecurityEventPayload event = SubjectRecorder.payload(
                awaitEvent(subjects.events(Subjects.EVENT_SECURITY), task, "envelopeId"), SecurityEventPayload.class);
        assertThat(event.reason()).isEqualTo("service_not_scheduler");
        assertThat(event.claimedNodeId()).isEqualTo("memory-test");
        assertThat(event.detail()).contains("memory-test may not give houses tasks");
        DeadLetterPayload dead = SubjectRecorder.payload(
                awaitEvent(subjects.events(Subjects.EVENT_DEAD_LETTER), task, "original"), DeadLetterPayload.class);
        assertThat(dead.lastError()).startsWith("service_not_scheduler: ");
        assertThat(dead.subject()).isEqualTo(subjects.task("keeper"));
        assertThat(MeshTestSupport.count(registry, "mesh.house.refused", "reason", "service_not_scheduler"))
                .isEqualTo(refused + 1);
        assertThat(seen.envelopesOn(subjects.out(Platforms.SCHEDULER)))
                .noneMatch(reply -> reply.correlationId().equals(task.id()));
        assertThat(memory.appended())
                .noneMatch(stored -> stored.conversationId().equals("job:sneaky"));
    }

    /** A task as the scheduler publishes it for job {@code job}, signed by service node {@code node}. */
    private static Envelope scheduledTask(String node, String job) {
        return TestKeyring.shared()
                .signer(node, NodeRole.SERVICE)
                .originate(
                        EnvelopeKind.TASK,
                        "job:" + job,
                        "keeper",
                        new Sender("scheduler", job, "job " + job),
                        new TaskPayload(
                                "/tool echo text=\"hello from the scheduler\"",
                                Platforms.SCHEDULER,
                                "scheduled job " + job + " (every 30 s)",
                                null),
                        null);
    }

    private Envelope awaitOn(String subject, Envelope task) {
        return await().atMost(WAIT)
                .until(
                        () -> seen.envelopesOn(subject).stream()
                                .filter(e -> task.id().equals(e.correlationId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The first event on {@code subject} whose payload field {@code field} mentions the task's id. */
    private Envelope awaitEvent(String subject, Envelope task, String field) {
        return await().atMost(WAIT)
                .until(
                        () -> seen.envelopesOn(subject).stream()
                                .filter(e -> e.payload().path(field).asText().contains(task.id()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}

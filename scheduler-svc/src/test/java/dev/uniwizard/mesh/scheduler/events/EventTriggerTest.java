package dev.uniwizard.mesh.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.scheduler.testing.EngineCluster;
import dev.uniwizard.mesh.scheduler.testing.EngineNode;
import dev.uniwizard.mesh.scheduler.testing.TestJobs;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.JetStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event jobs fire on a matching message of the EVENTS stream, once per event, and not on a message that does not match
 * or that a job caused. Two scheduler nodes share the durable consumer, so each event is handled once between them.
 */
class EventTriggerTest {

    private EngineCluster cluster;
    private EngineNode node;
    private EngineNode other;
    private Subjects subjects;
    private JetStream jetStream;
    private final EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);

    @BeforeEach
    void start() throws Exception {
        cluster = new EngineCluster();
        node = cluster.node("scheduler-a", EngineNode.settings(Duration.ofSeconds(10), 50))
                .startConsumers();
        other = cluster.node("scheduler-b", EngineNode.settings(Duration.ofSeconds(10), 50))
                .startConsumers();
        subjects = cluster.namespace.subjects();
        jetStream = cluster.nats().jetStream();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void anEventJobFiresOnAMatchingEventOnceAndNotOnOthers() throws Exception {
        String security = subjects.events(Subjects.EVENT_SECURITY);
        node.store.create(TestJobs.onEvent("on-bad-signature", security, Map.of("/reason", "bad_signature")), null);
        node.store.create(TestJobs.onEvent("on-any-event", subjects.eventsAll(), Map.of()), null);

        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task("ezra"))) {
            Envelope replay = securityEvent("replay");
            MeshTestSupport.publish(jetStream, security, replay);
            Envelope badSignature = securityEvent("bad_signature");
            MeshTestSupport.publish(jetStream, security, badSignature);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> node.store.runs("on-any-event", 10).size() == 2);
            assertThat(node.store.runs("on-bad-signature", 10))
                    .as("only the matching event fired the filtered job")
                    .singleElement()
                    .satisfies(run -> {
                        assertThat(run.outcome()).isEqualTo(JobRunView.RUNNING);
                        assertThat(run.scheduledFor()).isEqualTo(badSignature.ts());
                        assertThat(run.detail()).contains("event " + badSignature.id() + " on " + security);
                    });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> tasks.on(subjects.task("ezra")).size() == 3);
            List<String> texts = tasks.payloadsOn(subjects.task("ezra"), TaskPayload.class).stream()
                    .map(TaskPayload::text)
                    .toList();
            assertThat(texts)
                    .containsExactlyInAnyOrder(
                            "/tool echo text=\"event for on-bad-signature\"",
                            "/tool echo text=\"event for on-any-event\"",
                            "/tool echo text=\"event for on-any-event\"");
        }
        assertThat(eventRuns())
                .as("each event was handled by one of the two nodes")
                .isEqualTo(3);
    }

    @Test
    void eventsCausedByAJobTriggerNothingSoAJobCannotTriggerItself() throws Exception {
        String toolCalls = subjects.events(Subjects.EVENT_TOOL_CALL);
        node.store.create(TestJobs.onEvent("on-tool-call", toolCalls, Map.of()), null);
        EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);

        Envelope causedByJob = ezra.originate(
                EnvelopeKind.EVENT,
                "job:on-tool-call",
                "ezra",
                new Sender("scheduler", "on-tool-call", "job on-tool-call"),
                Map.of("tool", "echo"),
                null);
        MeshTestSupport.publish(jetStream, toolCalls, causedByJob);
        Envelope byAnOperator = ezra.originate(
                EnvelopeKind.EVENT,
                "telegram:1",
                "ezra",
                new Sender("telegram", "1", "Alice"),
                Map.of("tool", "echo"),
                null);
        MeshTestSupport.publish(jetStream, toolCalls, byAnOperator);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !node.store.runs("on-tool-call", 10).isEmpty());
        assertThat(node.store.runs("on-tool-call", 10)).singleElement().satisfies(run -> assertThat(run.scheduledFor())
                .isEqualTo(byAnOperator.ts()));
        assertThat(node.registry
                        .find("mesh.scheduler.events")
                        .tag("outcome", "caused_by_job")
                        .counters())
                .isNotNull();
    }

    private Envelope securityEvent(String reason) {
        return gateway.originate(
                EnvelopeKind.EVENT,
                "security",
                null,
                Sender.system("gateway-test"),
                new SecurityEventPayload(reason, "test", "t.mesh.in.http", null, null),
                null);
    }

    private double causedByJob() {
        return MeshTestSupport.count(node.registry, "mesh.scheduler.events", "outcome", "caused_by_job")
                + MeshTestSupport.count(other.registry, "mesh.scheduler.events", "outcome", "caused_by_job");
    }

    private long eventRuns() {
        return cluster.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM job_runs WHERE trigger_id LIKE 'event:%'")
                .mapTo(Long.class)
                .one());
    }
}

package dev.uniwizard.mesh.scheduler.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.jobs.JobDelivery;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.core.payload.DeliveryEventPayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
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
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run's life after its firing: the house's answer ends it ({@code ok}, {@code failed}, with the duration), an interim
 * notice keeps it running, the gateway's delivery event records where the answer went, and the sweeper ends runs
 * nobody answers. Answers and events travel over the real streams, signed as the house and the gateway sign them.
 */
class RunTrackingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EngineCluster cluster;
    private EngineNode node;
    private Subjects subjects;
    private JetStream jetStream;
    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private final EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);

    @BeforeEach
    void start() throws Exception {
        cluster = new EngineCluster();
        node = cluster.node("scheduler-test", EngineNode.settings(Duration.ofSeconds(10), 50))
                .startConsumers();
        subjects = cluster.namespace.subjects();
        jetStream = cluster.nats().jetStream();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theHousesAnswerEndsTheRunAsOkWithItsDurationAndFirstLine() throws Exception {
        createJob("report", "ezra", null, null);
        JobRunView fired;
        Envelope task;
        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task("ezra"))) {
            fired = node.runNow.fire("report");
            task = tasks.awaitEnvelope(subjects.task("ezra"));
        }

        answer(task, Platforms.SCHEDULER, ReplyPayload.pending("ezra", "waiting for an approval"));
        JobRunView pending = awaitRun("report", run -> "waiting for an approval".equals(run.detail()));
        assertThat(pending.outcome()).isEqualTo(JobRunView.RUNNING);

        answer(task, Platforms.SCHEDULER, ReplyPayload.ok("ezra", "all 3 files are fine\nsecond line"));
        JobRunView done = awaitRun("report", run -> JobRunView.OK.equals(run.outcome()));
        assertThat(done.id()).isEqualTo(fired.id());
        assertThat(done.detail()).isEqualTo("all 3 files are fine …");
        assertThat(done.durationMs()).isNotNull().isNotNegative();
        assertThat(done.deliveryStatus()).isEqualTo("none");
    }

    @Test
    void anErrorAnswerEndsTheRunAsFailedAndALateAnswerChangesNothing() throws Exception {
        createJob("fragile", "ezra", null, null);
        Envelope task = fireAndCatchTask("fragile", "ezra");

        answer(task, Platforms.SCHEDULER, ReplyPayload.error("ezra", "tool_failed", "disk full"));
        JobRunView failed = awaitRun("fragile", run -> JobRunView.FAILED.equals(run.outcome()));
        assertThat(failed.detail()).isEqualTo("tool_failed: disk full");

        answer(task, Platforms.SCHEDULER, ReplyPayload.ok("ezra", "never mind, fine"));
        await().atMost(WAIT)
                .until(() -> node.registry
                                .find("mesh.scheduler.replies")
                                .tag("outcome", "already_finished")
                                .counter()
                        != null);
        assertThat(node.store.lastRun("fragile").orElseThrow().outcome()).isEqualTo(JobRunView.FAILED);
    }

    @Test
    void theDeliveryEventOfTheGatewayRecordsThatTheAnswerWasDelivered() throws Exception {
        createJob("notify", "ezra", new JobDelivery("telegram", "4242", null), null);
        Envelope task = fireAndCatchTask("notify", "ezra");
        assertThat(node.store.lastRun("notify").orElseThrow().deliveryStatus()).isEqualTo("pending");

        Envelope reply = answer(task, Platforms.TELEGRAM, ReplyPayload.ok("ezra", "sent"));
        awaitRun("notify", run -> JobRunView.OK.equals(run.outcome()));
        Envelope delivered = gateway.originate(
                EnvelopeKind.EVENT,
                "delivery",
                null,
                Sender.system("gateway-test"),
                new DeliveryEventPayload(
                        reply.id(), reply.correlationId(), Platforms.TELEGRAM, DeliveryEventPayload.DELIVERED, 1, ""),
                null);
        MeshTestSupport.publish(jetStream, subjects.events(Subjects.EVENT_DELIVERY), delivered);

        JobRunView run = awaitRun("notify", r -> "delivered".equals(r.deliveryStatus()));
        assertThat(run.outcome()).isEqualTo(JobRunView.OK);
    }

    @Test
    void aRunFiredWhileItsHouseWasDownBecomesOkWhenTheHouseAnswersAfterAll() throws Exception {
        cluster.heartbeats().heard("timmy", "timmy-1", Duration.ofSeconds(5), false);
        createJob("late-house", "timmy", null, null);
        JobRunView fired;
        Envelope task;
        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task("timmy"))) {
            fired = node.runNow.fire("late-house");
            task = tasks.awaitEnvelope(subjects.task("timmy"));
        }
        assertThat(fired.outcome()).isEqualTo(JobRunView.HOUSE_DOWN);

        EnvelopeSigner timmy = TestKeyring.shared().signer("timmy-test", NodeRole.HOUSE);
        MeshTestSupport.publish(
                jetStream,
                subjects.out(Platforms.SCHEDULER),
                timmy.follow(task, "reply", EnvelopeKind.REPLY, "timmy", ReplyPayload.ok("timmy", "back"), null));

        assertThat(awaitRun("late-house", run -> JobRunView.OK.equals(run.outcome()))
                        .detail())
                .isEqualTo("back");
    }

    @Test
    void aRunNobodyAnswersWithinTheMaxRunTimeIsTimedOut() throws Exception {
        createJob("slow", "ezra", null, 1L);
        JobRunView fired = node.runNow.fire("slow");

        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !node.sweeper.sweep().isEmpty());

        JobRunView run = node.store.lastRun("slow").orElseThrow();
        assertThat(run.id()).isEqualTo(fired.id());
        assertThat(run.outcome()).isEqualTo(JobRunView.TIMED_OUT);
        assertThat(run.detail()).isEqualTo("no answer within 1 s");
        assertThat(run.durationMs()).isGreaterThanOrEqualTo(1000);
    }

    private void createJob(String name, String house, JobDelivery delivery, Long maxRunSeconds) throws Exception {
        node.store.create(
                TestJobs.spec(
                        name,
                        new JobSchedule(null, null, 86_400L, null),
                        new JobTarget(house, "do " + name, null, null),
                        delivery,
                        null,
                        maxRunSeconds),
                Instant.now().plus(Duration.ofDays(1)));
    }

    private Envelope fireAndCatchTask(String job, String house) throws Exception {
        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task(house))) {
            node.runNow.fire(job);
            return tasks.awaitEnvelope(subjects.task(house));
        }
    }

    /** Publishes the house's reply to a task, as house-runtime does (same correlation, conversation, sender). */
    private Envelope answer(Envelope task, String platform, ReplyPayload payload) {
        Envelope reply = ezra.next(task, EnvelopeKind.REPLY, task.house(), payload, null);
        MeshTestSupport.publish(jetStream, subjects.out(platform), reply);
        return reply;
    }

    private JobRunView awaitRun(String job, java.util.function.Predicate<JobRunView> condition) {
        return await().atMost(WAIT).until(() -> node.store.lastRun(job).orElseThrow(), condition::test);
    }
}

package dev.uniwizard.mesh.scheduler.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.scheduler.store.JobStore;
import dev.uniwizard.mesh.scheduler.testing.TestJobs;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The service as it runs: Flyway has created the schema at start, the firing loop fires a due job onto
 * {@code <root>.task.<house>}, and the house's answer on {@code <root>.out.scheduler} ends the run.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "scheduler-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class SchedulerServiceTest {

    @Inject
    JobStore store;

    @Inject
    Jdbi jdbi;

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Test
    void theServiceMigratesFiresADueJobAndRecordsTheHousesAnswer() throws Exception {
        List<String> migrations = jdbi.withHandle(h -> h.createQuery(
                        "SELECT version FROM scheduler.flyway_schema_history WHERE success AND version IS NOT NULL"
                                + " ORDER BY installed_rank")
                .mapTo(String.class)
                .list());
        assertThat(migrations).startsWith("1");

        String name = "service-test-tick";
        Instant firstTick = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        try (SubjectRecorder tasks = SubjectRecorder.watch(connection, subjects.task("ezra"))) {
            store.create(TestJobs.every(name, 3600, JobSpec.OVERLAP_SKIP, null), firstTick);

            Envelope task = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> tasks.envelopesOn(subjects.task("ezra")).stream()
                                    .filter(e -> ("job:" + name).equals(e.conversationId()))
                                    .findFirst(),
                            java.util.Optional::isPresent)
                    .orElseThrow();
            assertThat(task.nodeId()).isEqualTo("scheduler-test");
            assertThat(SubjectRecorder.payload(task, TaskPayload.class).text()).isEqualTo("report " + name);

            JobRunView run = store.lastRun(name).orElseThrow();
            assertThat(run.scheduledFor()).isEqualTo(firstTick);
            assertThat(run.taskId()).isEqualTo(task.id());
            assertThat(run.node()).isEqualTo("scheduler-test");
            assertThat(store.find(name).orElseThrow().nextFireAt()).isAfter(firstTick);

            MeshTestSupport.publish(
                    connection.jetStream(),
                    subjects.out(Platforms.SCHEDULER),
                    TestKeyring.shared()
                            .signer("ezra-test", NodeRole.HOUSE)
                            .follow(task, "reply", EnvelopeKind.REPLY, "ezra", ReplyPayload.ok("ezra", "done"), null));
            JobRunView answered = await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.lastRun(name).orElseThrow(), r -> JobRunView.OK.equals(r.outcome()));
            assertThat(answered.detail()).isEqualTo("done");
            assertThat(MeshTestResource.currentNamespace()).isNotNull();
        } finally {
            store.delete(name);
        }
    }
}

package dev.uniwizard.mesh.scheduler.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.core.jobs.JobTarget;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.scheduler.store.StoredJob;
import dev.uniwizard.mesh.scheduler.testing.EngineCluster;
import dev.uniwizard.mesh.scheduler.testing.EngineNode;
import dev.uniwizard.mesh.scheduler.testing.TestJobs;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one firing pass does with late ticks (misfire policies), with ticks while a run is unfinished (overlap
 * policies), with a house that is down, and what run-now does. The pass is called directly: no loop, no timing.
 */
class FiringPoliciesTest {

    private EngineCluster cluster;
    private EngineNode node;
    private Subjects subjects;

    @BeforeEach
    void start() throws Exception {
        cluster = new EngineCluster();
        node = cluster.node("scheduler-test", EngineNode.settings(Duration.ofSeconds(10), 50));
        subjects = cluster.namespace.subjects();
    }

    @AfterEach
    void stop() throws Exception {
        cluster.close();
    }

    @Test
    void misfireRunOnceFiresOnceForTheLatestMissedTickAndCountsTheOthers() throws Exception {
        Instant fiveMinutesAgo = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        node.store.create(TestJobs.every("hourly-ish", 60, null, JobSpec.MISFIRE_RUN_ONCE), fiveMinutesAgo);

        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task("ezra"))) {
            node.loop.pass();
            StoredJob job = node.store.find("hourly-ish").orElseThrow();
            List<JobRunView> runs = node.store.runs("hourly-ish", 10);

            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.outcome()).isEqualTo(JobRunView.RUNNING);
                assertThat(run.scheduledFor()).isEqualTo(job.nextFireAt().minusSeconds(60));
                assertThat(run.detail())
                        .startsWith("catch-up for ")
                        .contains(" ticks from " + fiveMinutesAgo)
                        .contains("fired once for the latest")
                        .endsWith("not fired (misfire policy run_once)");
            });
            assertThat(job.nextFireAt()).isAfter(Instant.now().minusSeconds(1));
            Envelope task = tasks.awaitEnvelope(subjects.task("ezra"));
            assertThat(task.id()).isEqualTo(runs.getFirst().taskId());
        }
    }

    @Test
    void misfireSkipRecordsTheLatestMissedTickAsMissedAndPublishesNothing() throws Exception {
        Instant fiveMinutesAgo = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        node.store.create(TestJobs.every("skipper", 60, null, JobSpec.MISFIRE_SKIP), fiveMinutesAgo);

        node.loop.pass();

        StoredJob job = node.store.find("skipper").orElseThrow();
        assertThat(node.store.runs("skipper", 10)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(JobRunView.MISSED);
            assertThat(run.scheduledFor()).isEqualTo(job.nextFireAt().minusSeconds(60));
            assertThat(run.firedAt()).isNull();
            assertThat(run.taskId()).isNull();
            assertThat(run.detail()).contains("missed").endsWith("not fired (misfire policy skip)");
        });
        assertThat(storedTasks()).isZero();
    }

    @Test
    void ticksLateByLessThanTheMisfireThresholdAreEachFired() throws Exception {
        Instant fiveSecondsAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5);
        node.store.create(TestJobs.every("busy-node", 1, JobSpec.OVERLAP_ALLOW, null), fiveSecondsAgo);

        node.loop.pass();

        List<JobRunView> runs = oldestFirst(node.store.runs("busy-node", 100));
        assertThat(runs).hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).scheduledFor()).isEqualTo(fiveSecondsAgo.plusSeconds(i));
            assertThat(runs.get(i).outcome()).isEqualTo(JobRunView.RUNNING);
        }
    }

    @Test
    void overlapSkipRecordsTicksWhileThePreviousRunIsUnfinished() throws Exception {
        Instant threeSecondsAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3);
        node.store.create(TestJobs.every("one-at-a-time", 1, JobSpec.OVERLAP_SKIP, null), threeSecondsAgo);

        node.loop.pass();

        List<JobRunView> runs = oldestFirst(node.store.runs("one-at-a-time", 100));
        assertThat(runs).hasSizeGreaterThanOrEqualTo(4);
        assertThat(runs.getFirst().outcome()).isEqualTo(JobRunView.RUNNING);
        assertThat(runs.subList(1, runs.size())).allSatisfy(run -> {
            assertThat(run.outcome()).isEqualTo(JobRunView.SKIPPED_OVERLAP);
            assertThat(run.detail()).isEqualTo("the previous run had not finished (overlap policy skip)");
            assertThat(run.taskId()).isNull();
        });
    }

    @Test
    void overlapQueueFiresTheNextTickOnlyOnceThePreviousRunHasEnded() throws Exception {
        Instant threeSecondsAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3);
        node.store.create(TestJobs.every("in-turn", 1, JobSpec.OVERLAP_QUEUE, null), threeSecondsAgo);

        node.loop.pass();
        assertThat(node.store.runs("in-turn", 100)).singleElement().satisfies(run -> {
            assertThat(run.scheduledFor()).isEqualTo(threeSecondsAgo);
            assertThat(run.outcome()).isEqualTo(JobRunView.RUNNING);
        });
        assertThat(node.store.find("in-turn").orElseThrow().nextFireAt())
                .as("the next tick waits")
                .isEqualTo(threeSecondsAgo.plusSeconds(1));

        assertThat(node.loop.pass())
                .as("a queued job is not even locked while it waits")
                .isZero();
        assertThat(node.store.runs("in-turn", 100)).hasSize(1);

        JobRunView first = node.store.runs("in-turn", 1).getFirst();
        node.runUpdates.answered(UUID.fromString(first.taskId()), JobRunView.OK, "done", Instant.now());
        node.loop.pass();

        List<JobRunView> runs = oldestFirst(node.store.runs("in-turn", 100));
        assertThat(runs).extracting(JobRunView::outcome).containsExactly(JobRunView.OK, JobRunView.RUNNING);
        assertThat(runs.get(1).scheduledFor()).isEqualTo(threeSecondsAgo.plusSeconds(1));
    }

    @Test
    void overlapAllowFiresEveryTick() throws Exception {
        Instant threeSecondsAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3);
        node.store.create(TestJobs.every("crowd", 1, JobSpec.OVERLAP_ALLOW, null), threeSecondsAgo);

        node.loop.pass();

        assertThat(node.store.runs("crowd", 100))
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(run -> assertThat(run.outcome()).isEqualTo(JobRunView.RUNNING));
    }

    @Test
    void aJobForAHouseThatIsDownIsReportedHouseDownAndItsTaskStillWaitsForTheHouse() throws Exception {
        cluster.heartbeats().heard("bezalel", "bezalel-1", Duration.ofSeconds(5), false);
        node.store.create(
                TestJobs.spec(
                        "build",
                        new JobSchedule(null, null, 3600L, null),
                        new JobTarget("bezalel", "build it", null, null),
                        null,
                        null,
                        null),
                Instant.now().plusSeconds(3600));

        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task("bezalel"))) {
            JobRunView run = node.runNow.fire("build");

            assertThat(run.outcome()).isEqualTo(JobRunView.HOUSE_DOWN);
            assertThat(run.detail())
                    .contains("house bezalel is down")
                    .contains("it reports DOWN")
                    .contains("the task waits in its queue");
            assertThat(tasks.awaitEnvelope(subjects.task("bezalel")).id()).isEqualTo(run.taskId());
        }
    }

    @Test
    void runNowPublishesTheTaskAsTheContractSaysThroughTheSamePathAsTicks() throws Exception {
        node.store.create(
                TestJobs.spec(
                        "cleanup",
                        new JobSchedule("0 3 * * *", "Europe/Berlin", null, null),
                        new JobTarget("ezra", null, "file_list", Map.of("path", "my notes", "depth", "2")),
                        new dev.uniwizard.mesh.core.jobs.JobDelivery("telegram", "4242", null),
                        null,
                        null),
                Instant.now().plus(Duration.ofHours(20)));

        try (SubjectRecorder tasks = SubjectRecorder.watch(cluster.nats(), subjects.task("ezra"))) {
            JobRunView first = node.runNow.fire("cleanup");
            JobRunView second = node.runNow.fire("cleanup");

            assertThat(first.outcome()).isEqualTo(JobRunView.RUNNING);
            assertThat(first.deliveryStatus()).isEqualTo("pending");
            assertThat(first.node()).isEqualTo("scheduler-test");
            assertThat(second.taskId()).isNotEqualTo(first.taskId());
            Envelope task = tasks.awaitEnvelope(subjects.task("ezra"));
            assertThat(task.id()).isEqualTo(first.taskId());
            assertThat(task.correlationId()).isEqualTo(task.id());
            assertThat(task.conversationId()).isEqualTo("job:cleanup");
            assertThat(task.nodeId()).isEqualTo("scheduler-test");
            assertThat(task.house()).isEqualTo("ezra");
            assertThat(task.sender().platform()).isEqualTo(Platforms.SCHEDULER);
            assertThat(task.sender().userId()).isEqualTo("cleanup");
            assertThat(task.sender().displayName()).isEqualTo("job cleanup");
            TaskPayload payload = SubjectRecorder.payload(task, TaskPayload.class);
            assertThat(payload.text())
                    .isIn("/tool file_list path=\"my notes\" depth=2", "/tool file_list depth=2 path=\"my notes\"");
            assertThat(payload.replyPlatform()).isEqualTo("telegram");
            assertThat(payload.replyTo().chat()).isEqualTo("4242");
            assertThat(payload.routedBecause()).startsWith("scheduled job cleanup (cron \"0 3 * * *\"");
        }
        assertThat(node.store.find("cleanup").orElseThrow().nextFireAt())
                .as("run-now leaves the ticks alone")
                .isAfter(Instant.now().plus(Duration.ofHours(19)));
        assertThatThrownBy(() -> node.runNow.fire("nope"))
                .isInstanceOf(NoSuchJobException.class)
                .hasMessage("no job named 'nope'");
    }

    @Test
    void aJobWhoseStoredScheduleCannotBeReadStopsVisiblyInsteadOfSilently() throws Exception {
        node.store.create(
                TestJobs.every("broken", 60, null, null), Instant.now().minusSeconds(1));
        cluster.database
                .jdbi()
                .useHandle(
                        h -> h.execute(
                                "UPDATE jobs SET spec = jsonb_set(spec, '{schedule}', '{\"cron\": \"61 * * * *\"}') WHERE name = 'broken'"));

        node.loop.pass();

        assertThat(node.store.runs("broken", 10)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(JobRunView.PUBLISH_FAILED);
            assertThat(run.detail()).contains("the stored schedule cannot be read (schedule.cron");
        });
        assertThat(node.store.find("broken").orElseThrow().nextFireAt()).isNull();
    }

    @Test
    void aTaskThatCannotBePublishedLeavesAVisiblePublishFailedRunAndTheTickMovesOn() throws Exception {
        Instant oneSecondAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        node.store.create(TestJobs.every("unlucky", 60, null, null), oneSecondAgo);
        cluster.nats()
                .jetStreamManagement()
                .deleteStream(cluster.namespace.streams().tasks());

        node.loop.pass();

        assertThat(node.store.runs("unlucky", 10)).singleElement().satisfies(run -> {
            assertThat(run.outcome()).isEqualTo(JobRunView.PUBLISH_FAILED);
            assertThat(run.scheduledFor()).isEqualTo(oneSecondAgo);
            assertThat(run.detail()).startsWith("could not publish the task: ");
        });
        assertThat(node.store.find("unlucky").orElseThrow().nextFireAt()).isAfter(oneSecondAgo);
        assertThat(MeshTestSupport.count(node.registry, "mesh.scheduler.runs", "outcome", "publish_failed"))
                .isEqualTo(1);
    }

    private long storedTasks() throws Exception {
        return cluster.nats()
                .jetStreamManagement()
                .getStreamInfo(cluster.namespace.streams().tasks())
                .getStreamState()
                .getMsgCount();
    }

    private static List<JobRunView> oldestFirst(List<JobRunView> runs) {
        return runs.stream()
                .sorted(Comparator.comparing(JobRunView::scheduledFor))
                .toList();
    }
}

package dev.uniwizard.mesh.scheduler.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.jobs.JobSpec;
import dev.uniwizard.mesh.scheduler.config.SchedulerSettings;
import dev.uniwizard.mesh.scheduler.store.LockedJob;
import dev.uniwizard.mesh.scheduler.testing.EngineCluster;
import dev.uniwizard.mesh.scheduler.testing.EngineNode;
import dev.uniwizard.mesh.scheduler.testing.TestJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several scheduler nodes against one database: every (job, tick) is fired exactly once, and a node that hangs or dies
 * while holding due jobs loses them to the others within the lock timeout.
 */
class ClusterFiringTest {

    private EngineCluster cluster;

    @BeforeEach
    void startCluster() {
        cluster = new EngineCluster();
    }

    @AfterEach
    void stopCluster() {
        cluster.close();
    }

    @Test
    void threeNodesFireEachTickOfTwoHundredJobsExactlyOnceForThirtySeconds() throws Exception {
        SchedulerSettings settings = EngineNode.settings(Duration.ofSeconds(10), 50);
        List<EngineNode> nodes = List.of(
                cluster.node("scheduler-a", settings),
                cluster.node("scheduler-b", settings),
                cluster.node("scheduler-c", settings));
        Instant first = EngineCluster.nextWholeSecond(3);
        Instant last = first.plusSeconds(29);
        for (int i = 0; i < 200; i++) {
            nodes.get(0).store.create(jobEverySecond(String.format("job-%03d", i)), first);
        }
        nodes.forEach(EngineNode::startLoop);

        await().atMost(Duration.ofSeconds(50))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Instant.now().isAfter(last.plusSeconds(1)) && runsUpTo(last) >= 200 * 30);
        nodes.forEach(node -> node.loop.stop());

        List<Map<String, Object>> perTick = cluster.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT job_id, scheduled_for, count(*) AS n FROM job_runs"
                                + " WHERE scheduled_for BETWEEN :first AND :last GROUP BY job_id, scheduled_for")
                .bind("first", at(first))
                .bind("last", at(last))
                .mapToMap()
                .list());
        assertThat(perTick).as("one row per (job, tick): 200 jobs x 30 ticks").hasSize(200 * 30);
        assertThat(perTick).allSatisfy(row -> assertThat(row.get("n")).isEqualTo(1L));
        assertThat(duplicates())
                .as("(job, tick) pairs with more than one run, anywhere")
                .isZero();
        long published = cluster.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM job_runs WHERE task_id IS NOT NULL AND outcome <> 'publish_failed'")
                .mapTo(Long.class)
                .one());
        long tasks = cluster.nats()
                .jetStreamManagement()
                .getStreamInfo(cluster.namespace.streams().tasks())
                .getStreamState()
                .getMsgCount();
        assertThat(tasks)
                .as("tasks in the TASKS stream = runs that published one")
                .isEqualTo(published);

        Histogram lag = lagOf(first, last);
        Histogram stored = storedLagOf(first, last);
        Map<String, Long> perNode = runsPerNode(first, last);
        System.out.printf(
                "[scheduler] 3 nodes, 200 jobs x 30 ticks: %d runs, each (job, tick) once; runs per node %s%n"
                        + "[scheduler] firing lag (fired_at - tick): p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n"
                        + "[scheduler] task stored in JetStream - tick: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                lag.getTotalCount(),
                perNode,
                lag.getValueAtPercentile(50),
                lag.getValueAtPercentile(90),
                lag.getValueAtPercentile(99),
                lag.getMaxValue(),
                stored.getValueAtPercentile(50),
                stored.getValueAtPercentile(90),
                stored.getValueAtPercentile(99),
                stored.getMaxValue());
        assertThat(perNode).as("every node fired some").hasSize(3);
        assertThat(stored.getTotalCount()).isEqualTo(200 * 30);
        assertThat(lag.getValueAtPercentile(99)).as("p99 firing lag in ms").isLessThan(1000);
    }

    @Test
    void jobsHeldByAHungOrACrashedNodeAreTakenOverWithinTheLockTimeout() throws Exception {
        Duration lockTimeout = Duration.ofSeconds(3);
        SchedulerSettings settings = EngineNode.settings(lockTimeout, 10);
        EngineNode a = cluster.node("scheduler-a", settings);
        EngineNode b = cluster.node("scheduler-b", settings);
        EngineNode c = cluster.node("scheduler-c", settings);
        Instant first = EngineCluster.nextWholeSecond(2);
        for (int i = 0; i < 30; i++) {
            a.store.create(jobEverySecond(String.format("job-%02d", i)), first);
        }
        Stall hang = new Stall();
        Stall crash = new Stall();
        c.loop.probe(hang);
        b.loop.probe(crash);
        List.of(a, b, c).forEach(EngineNode::startLoop);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runsUpTo(first.plusSeconds(1)) >= 60);

            hang.arm();
            await().atMost(Duration.ofSeconds(10)).until(hang::holding);
            crash.arm();
            await().atMost(Duration.ofSeconds(10)).until(crash::holding);
            int ended = cluster.database.terminateSessionsOf("scheduler-b");
            Instant crashedAt = Instant.now();
            assertThat(ended).as("sessions of the crashed node ended").isPositive();

            Duration hungTakeover = awaitTakeover(hang.jobs(), hang.since(), "scheduler-c");
            Duration crashTakeover = awaitTakeover(crash.jobs(), crashedAt, "scheduler-b");
            System.out.printf(
                    "[scheduler] takeover: node hung holding %d jobs -> taken over after %d ms (lock timeout %d ms);"
                            + " node crashed holding %d jobs -> taken over after %d ms%n",
                    hang.jobs().size(),
                    hungTakeover.toMillis(),
                    lockTimeout.toMillis(),
                    crash.jobs().size(),
                    crashTakeover.toMillis());
            assertThat(hungTakeover)
                    .as("a hung node keeps its jobs until PostgreSQL ends its transaction")
                    .isGreaterThanOrEqualTo(lockTimeout.minusMillis(500))
                    .isLessThanOrEqualTo(
                            lockTimeout.plus(settings.pollInterval()).plusSeconds(2));
            assertThat(crashTakeover)
                    .as("a dead node's locks go with its connection")
                    .isLessThanOrEqualTo(Duration.ofSeconds(2));

            Instant last = EngineCluster.nextWholeSecond(1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> Instant.now().isAfter(last.plusSeconds(1))
                            && runsUpTo(last) >= countTicks(first, last) * 30);
            a.loop.stop();
            long ticks = countTicks(first, last);
            long pairs = cluster.database.jdbi().withHandle(h -> h.createQuery("SELECT count(DISTINCT (job_id,"
                            + " scheduled_for)) FROM job_runs WHERE scheduled_for BETWEEN :first AND :last")
                    .bind("first", at(first))
                    .bind("last", at(last))
                    .mapTo(Long.class)
                    .one());
            assertThat(pairs)
                    .as("every (job, tick) of 30 jobs x %d ticks has a run", ticks)
                    .isEqualTo(30 * ticks);
            assertThat(duplicates()).isZero();
        } finally {
            hang.release();
            crash.release();
        }
    }

    /** Waits until another node has fired the held ticks; the time from {@code since} to the last of them. */
    private Duration awaitTakeover(List<LockedJob> held, Instant since, String stuckNode) {
        List<Instant> firedAt = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    firedAt.clear();
                    for (LockedJob job : held) {
                        cluster.database
                                .jdbi()
                                .withHandle(h -> h.createQuery("SELECT fired_at, node FROM job_runs WHERE"
                                                + " job_id = :job AND scheduled_for = :tick AND trigger_id IS NULL")
                                        .bind("job", job.id())
                                        .bind("tick", at(job.nextFireAt()))
                                        .map((rs, ctx) -> {
                                            assertThat(rs.getString("node")).isNotEqualTo(stuckNode);
                                            return rs.getObject("fired_at", OffsetDateTime.class)
                                                    .toInstant();
                                        })
                                        .findOne())
                                .ifPresent(firedAt::add);
                    }
                    return firedAt.size() == held.size();
                });
        return Duration.between(since, firedAt.stream().max(Instant::compareTo).orElseThrow());
    }

    private static JobSpec jobEverySecond(String name) {
        return TestJobs.every(name, 1, JobSpec.OVERLAP_ALLOW, null);
    }

    private long runsUpTo(Instant last) {
        return cluster.database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM job_runs WHERE scheduled_for <= :last")
                .bind("last", at(last))
                .mapTo(Long.class)
                .one());
    }

    private long duplicates() {
        return cluster.database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT job_id,"
                        + " scheduled_for FROM job_runs WHERE trigger_id IS NULL GROUP BY job_id, scheduled_for"
                        + " HAVING count(*) > 1) d")
                .mapTo(Long.class)
                .one());
    }

    private Histogram lagOf(Instant first, Instant last) {
        Histogram histogram = new Histogram(60_000, 3);
        cluster.database.jdbi().useHandle(h -> h.createQuery("SELECT CAST(EXTRACT(EPOCH FROM (fired_at -"
                        + " scheduled_for)) * 1000 AS bigint) FROM job_runs WHERE scheduled_for BETWEEN :first AND"
                        + " :last AND fired_at IS NOT NULL")
                .bind("first", at(first))
                .bind("last", at(last))
                .mapTo(Long.class)
                .forEach(ms -> histogram.recordValue(Math.max(0, ms))));
        return histogram;
    }

    /** When JetStream stored each task of the window, after its tick (the lag a house sees). */
    private Histogram storedLagOf(Instant first, Instant last) throws Exception {
        Map<String, Instant> ticks = new java.util.HashMap<>();
        cluster.database.jdbi().useHandle(h -> h.createQuery("SELECT task_id::text AS task, scheduled_for FROM job_runs"
                        + " WHERE scheduled_for BETWEEN :first AND :last AND task_id IS NOT NULL")
                .bind("first", at(first))
                .bind("last", at(last))
                .map((rs, ctx) -> Map.entry(
                        rs.getString("task"),
                        rs.getObject("scheduled_for", OffsetDateTime.class).toInstant()))
                .forEach(e -> ticks.put(e.getKey(), e.getValue())));
        Histogram histogram = new Histogram(60_000, 3);
        var jsm = cluster.nats().jetStreamManagement();
        String stream = cluster.namespace.streams().tasks();
        var state = jsm.getStreamInfo(stream).getStreamState();
        for (long seq = state.getFirstSequence(); seq <= state.getLastSequence(); seq++) {
            var message = jsm.getMessage(stream, seq);
            String id = dev.uniwizard.mesh.core.envelope.EnvelopeCodec.parse(message.getData())
                    .envelope()
                    .id();
            Instant tick = ticks.get(id);
            if (tick != null) {
                Instant storedAt = message.getTime().toInstant();
                histogram.recordValue(
                        Math.max(0, Duration.between(tick, storedAt).toMillis()));
            }
        }
        return histogram;
    }

    private Map<String, Long> runsPerNode(Instant first, Instant last) {
        Map<String, Long> perNode = new java.util.TreeMap<>();
        cluster.database.jdbi().useHandle(h -> h.createQuery("SELECT node, count(*) AS n FROM job_runs WHERE"
                        + " scheduled_for BETWEEN :first AND :last GROUP BY node")
                .bind("first", at(first))
                .bind("last", at(last))
                .map((rs, ctx) -> Map.entry(rs.getString("node"), rs.getLong("n")))
                .forEach(e -> perNode.put(e.getKey(), e.getValue())));
        return perNode;
    }

    private static long countTicks(Instant first, Instant last) {
        return Duration.between(first, last).toSeconds() + 1;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Once armed, stops the node's firing pass right after it has locked due jobs, as a hung node (or one about to
     * crash) would: it keeps the locks until PostgreSQL ends its session.
     */
    private static final class Stall implements FiringProbe {
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicReference<List<LockedJob>> jobs = new AtomicReference<>();
        private final AtomicReference<Instant> since = new AtomicReference<>();
        private final CountDownLatch released = new CountDownLatch(1);

        void arm() {
            armed.set(true);
        }

        @Override
        public void locked(String node, List<LockedJob> locked) {
            if (!armed.compareAndSet(true, false)) {
                return;
            }
            jobs.set(List.copyOf(locked));
            since.set(Instant.now());
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(node + " was stalled by the test");
        }

        boolean holding() {
            return since.get() != null;
        }

        List<LockedJob> jobs() {
            return jobs.get();
        }

        Instant since() {
            return since.get();
        }

        void release() {
            released.countDown();
        }
    }
}

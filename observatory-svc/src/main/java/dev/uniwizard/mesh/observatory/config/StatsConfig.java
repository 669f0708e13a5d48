package dev.uniwizard.mesh.observatory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Agent stats and the dashboard: how turn and tool-call events are consumed, kept and reported, under
 * {@code observatory.retention} (shared by every table of the observatory) and {@code observatory.stats.*}.
 */
@ConfigMapping(prefix = "observatory")
public interface StatsConfig {

    /** How long the observatory keeps what it records; older turn and tool-call events are deleted. */
    @WithDefault("30d")
    Duration retention();

    Stats stats();

    /** Settings of the agent stats, under {@code observatory.stats.*}. */
    interface Stats {

        /** Events of one type processed at once by this node (each type has its own durable consumer). */
        @WithDefault("4")
        int concurrency();

        /** Deliveries of an event (the store may be down) before it is dead-lettered. */
        @WithDefault("5")
        int maxDeliver();

        /** The period of {@code GET /api/v1/stats} and the series when {@code since} is not given. */
        @WithDefault("1h")
        Duration defaultSince();

        /** The most buckets one series may have; a smaller {@code step} is refused. */
        @WithDefault("1000")
        int maxPoints();

        /** Buckets a series aims at when {@code step} is not given (the step is rounded up to a round value). */
        @WithDefault("60")
        int defaultPoints();

        /** The period over which {@code mesh_observatory_agent_turns_per_minute} counts turns. */
        @WithDefault("5m")
        Duration gaugeWindow();

        /** How often the per-house gauges are recomputed from the store. */
        @WithDefault("15s")
        Duration gaugeRefresh();

        /** How often the leader deletes events older than {@code observatory.retention}. */
        @WithDefault("10m")
        Duration sweepEvery();

        /** Rows deleted per transaction by the retention sweep. */
        @WithDefault("5000")
        int sweepBatch();

        /** Batches per table and sweep; what is left is deleted by the next sweep. */
        @WithDefault("100")
        int sweepMaxBatches();
    }
}

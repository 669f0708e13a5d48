package dev.uniwizard.mesh.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Scheduler settings, under {@code scheduler.*}. The defaults suit production. */
@ConfigMapping(prefix = "scheduler")
public interface SchedulerConfig {

    /** Whether this node fires jobs; a node with false still serves the API and tracks runs. */
    @WithDefault("true")
    boolean firingEnabled();

    /**
     * The longest a node sleeps between looks for due jobs. It wakes earlier when the earliest tick comes sooner, so the
     * firing lag is usually a few milliseconds; this bounds how late a node notices jobs changed by another node.
     */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Due jobs one node locks and fires in one transaction. */
    @WithDefault("50")
    int batchSize();

    /** A tick older than this when its job is picked up has misfired: the job's misfire policy decides. */
    @WithDefault("1m")
    Duration misfireThreshold();

    /**
     * How long a node may hold due jobs locked without finishing: PostgreSQL ends a firing transaction that idles or
     * runs longer (idle_in_transaction_session_timeout, statement_timeout), which releases the locks so another node
     * takes the jobs over. The bound for a hung node's work to be taken over is this plus {@link #pollInterval()}; a
     * node whose process dies loses its locks as soon as PostgreSQL sees its connection close.
     */
    @WithDefault("10s")
    Duration lockTimeout();

    /** How often runs that have outlived their job's max run time are marked {@code timed_out}. */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Whether this node consumes replies, delivery results and events (the durable consumers are shared). */
    @WithDefault("true")
    boolean consumersEnabled();
}

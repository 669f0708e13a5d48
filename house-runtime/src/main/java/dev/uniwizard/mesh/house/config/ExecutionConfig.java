package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** {@code house.execution.*}: how tool calls run. */
public interface ExecutionConfig {

    /** Read-only calls of one step run at once, at most this many. */
    @WithDefault("10")
    int parallelism();

    /** Per-tool timeouts overriding the tool's own, e.g. {@code house.execution.timeouts.run_tests=20m}. */
    Map<String, Duration> timeouts();

    Retry retry();

    Breaker breaker();

    /** Retries of transient failures only (a tool's TransientToolException), and only for calls without side effects. */
    interface Retry {
        /** Attempts in all, the first included. */
        @WithDefault("3")
        int maxAttempts();

        /** First wait; doubles each attempt. */
        @WithDefault("200ms")
        Duration initialBackoff();
    }

    /** One circuit breaker per tool, counting failures, crashes and timeouts (not denials or bad arguments). */
    interface Breaker {
        /** How many of the last calls are looked at. */
        @WithDefault("10")
        int windowSize();

        /** Calls needed in the window before the breaker may open. */
        @WithDefault("5")
        int minimumCalls();

        /** Failure percentage that opens the breaker. */
        @WithDefault("50")
        int failureRatePercent();

        /** How long an open breaker refuses calls before letting one call through to test the tool. */
        @WithDefault("60s")
        Duration openFor();
    }
}

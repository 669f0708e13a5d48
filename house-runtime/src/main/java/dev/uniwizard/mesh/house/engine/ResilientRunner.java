package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.house.config.ExecutionConfig;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.engine.ToolOutcome.Status;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs one tool call under resilience4j, per tool: a time limiter (the tool's timeout, or
 * {@code house.execution.timeouts.<tool>}), retries with exponential backoff for {@link TransientToolException} only,
 * for calls without side effects (a side-effecting call that failed "transiently" may still have taken effect, a
 * posted comment say, so it is reported, not repeated), and a circuit breaker that opens after repeated crashes,
 * transient failures or timeouts. A failure the tool reports
 * as a {@link ToolResult#failure} is an answer, not a fault, and does not count against the breaker.
 */
@Singleton
public class ResilientRunner {

    private static final Logger LOG = Logger.getLogger(ResilientRunner.class);

    private final String house;
    private final ExecutionConfig config;
    private final CircuitBreakerRegistry breakers;
    private final RetryConfig retryConfig;
    private final Map<String, CircuitBreaker> byTool = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Inject
    public ResilientRunner(HouseConfig config) {
        this(config.name(), config.execution());
    }

    public ResilientRunner(String house, ExecutionConfig config) {
        this.house = house;
        this.config = config;
        ExecutionConfig.Breaker breaker = config.breaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.windowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRatePercent())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(config.retry().maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        config.retry().initialBackoff().toMillis(), 2.0))
                .retryExceptions(TransientToolException.class)
                .build();
    }

    /** The outcome of running the call within {@code turn}; never throws. */
    public Run run(Tool tool, ToolCall call, TurnContext turn) {
        CircuitBreaker breaker = breaker(tool);
        if (!breaker.tryAcquirePermission()) {
            CircuitBreaker.Metrics metrics = breaker.getMetrics();
            return new Run(
                    Status.UNAVAILABLE,
                    "Tool '" + tool.name() + "' is unavailable: it failed repeatedly (failure rate "
                            + Math.round(metrics.getFailureRate()) + "% over the last "
                            + metrics.getNumberOfBufferedCalls() + " calls), so its circuit breaker is open; it will"
                            + " be tried again after "
                            + config.breaker().openFor().toSeconds()
                            + "s. Do not call it again in this turn.",
                    0);
        }
        Duration timeout = timeout(tool);
        TimeLimiter limiter = TimeLimiter.of(TimeLimiterConfig.custom()
                .timeoutDuration(timeout)
                .cancelRunningFuture(true)
                .build());
        Retry retry = Retry.of(
                house + "." + tool.name(),
                tool.sideEffects(call)
                        ? RetryConfig.from(retryConfig).maxAttempts(1).build()
                        : retryConfig);
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        try {
            ToolResult result = retry.executeCallable(() -> {
                attempts.incrementAndGet();
                return limiter.executeFutureSupplier(() -> executor.submit(() -> tool.execute(call, turn)));
            });
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (result == null) {
                return new Run(Status.ERROR, "Tool '" + tool.name() + "' returned no result.", attempts.get());
            }
            return new Run(result.ok() ? Status.OK : Status.FAILED, result.text(), attempts.get());
        } catch (TimeoutException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return new Run(
                    Status.TIMEOUT,
                    "Tool '" + tool.name() + "' did not finish within " + human(timeout)
                            + " and was stopped; its result is unknown.",
                    attempts.get());
        } catch (TransientToolException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            return new Run(
                    Status.ERROR,
                    "Tool '" + tool.name() + "' failed " + attempts.get() + " time" + (attempts.get() == 1 ? "" : "s")
                            + " with a transient error: " + e.getMessage(),
                    attempts.get());
        } catch (Exception e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warnf(e, "tool %s of house %s crashed", tool.name(), house);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Run(Status.ERROR, "Tool '" + tool.name() + "' failed: " + message, attempts.get());
        }
    }

    private CircuitBreaker breaker(Tool tool) {
        return byTool.computeIfAbsent(tool.name(), name -> {
            CircuitBreaker created = breakers.circuitBreaker(name);
            created.getEventPublisher()
                    .onStateTransition(event -> LOG.warnf(
                            "house %s: circuit breaker of tool %s went %s", house, name, event.getStateTransition()));
            return created;
        });
    }

    private Duration timeout(Tool tool) {
        return config.timeouts().getOrDefault(tool.name(), tool.timeout());
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * @param status OK, FAILED, ERROR, TIMEOUT or UNAVAILABLE
     * @param text the tool's output or what went wrong
     * @param attempts how often it ran
     */
    public record Run(Status status, String text, int attempts) {}
}

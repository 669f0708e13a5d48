package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Runs collectors in parallel, each on a virtual thread of its own, and waits for all of them at most {@code timeout}.
 * A collector that throws, returns nothing readable or is still running at the deadline (it is then interrupted)
 * yields its {@link Check#failed error result} saying so. The results come back sorted by id; when two collectors
 * report the same id, the first one's is kept and the clash logged.
 */
public final class CheckRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CheckRunner.class);

    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("check-", 0).factory());
    private final Duration timeout;

    public CheckRunner(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the collector timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
    }

    /** Every collector's results, stamped {@code at}, sorted by id. */
    public List<CheckResult> run(List<? extends Check> checks, Instant at) {
        Map<Check, Future<List<CheckResult>>> running = new LinkedHashMap<>();
        for (Check check : checks) {
            running.put(check, executor.submit(() -> check.run(at)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, CheckResult> byId = new LinkedHashMap<>();
        running.forEach((check, future) -> {
            for (CheckResult result : outcome(check, future, deadline, at)) {
                CheckResult earlier = byId.putIfAbsent(result.id(), result);
                if (earlier != null) {
                    LOG.warnf("check %s was reported twice; keeping %s, ignoring %s", result.id(), earlier, result);
                }
            }
        });
        List<CheckResult> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing(CheckResult::id));
        return List.copyOf(sorted);
    }

    private List<CheckResult> outcome(Check check, Future<List<CheckResult>> future, long deadline, Instant at) {
        String name = check.kind() + ":" + check.target();
        try {
            List<CheckResult> results = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (results == null || results.stream().anyMatch(CheckRunner::incomplete)) {
                LOG.errorf("collector %s returned an incomplete result: %s", name, results);
                return List.of(check.failed("the check " + name + " returned an incomplete result (a bug)", at));
            }
            return results;
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warnf("collector %s did not finish within %d ms", name, timeout.toMillis());
            return List.of(check.failed(
                    "the check " + name + " did not finish within " + timeout.toMillis()
                            + " ms (observatory.checks.timeout)",
                    at));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warnf(cause, "collector %s failed", name);
            return List.of(check.failed("the check " + name + " failed: " + describe(cause), at));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return List.of(check.failed("the check " + name + " was interrupted (the observatory is stopping)", at));
        }
    }

    private static boolean incomplete(CheckResult result) {
        return result == null
                || result.id() == null
                || result.kind() == null
                || result.target() == null
                || result.state() == null
                || result.message() == null
                || result.at() == null;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

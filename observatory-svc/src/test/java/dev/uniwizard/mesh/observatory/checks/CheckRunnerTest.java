package dev.uniwizard.mesh.observatory.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

    private final CheckRunner runner = new CheckRunner(Duration.ofMillis(300));
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void close() {
        never.countDown();
        runner.close();
    }

    /** A collector that answers with fixed results, throws, or blocks until the test ends. */
    private record Fake(
            String kind, String target, Behaviour behaviour, List<CheckResult> results, CountDownLatch latch)
            implements Check {

        enum Behaviour {
            ANSWER,
            THROW,
            HANG
        }

        @Override
        public List<CheckResult> run(Instant at) throws Exception {
            return switch (behaviour) {
                case ANSWER -> results;
                case THROW -> throw new IllegalStateException("monitoring answered garbage");
                case HANG -> {
                    latch.await();
                    yield results;
                }
            };
        }
    }

    private Fake answering(String kind, String target, CheckResult... results) {
        return new Fake(kind, target, Fake.Behaviour.ANSWER, results == null ? null : List.of(results), never);
    }

    private static CheckResult ok(String kind, String target) {
        return CheckResult.of(kind, target, CheckState.OK, 1.0, null, kind + " fine", AT);
    }

    @Test
    void returnsEveryCollectorsResultsSortedById() {
        List<CheckResult> results = runner.run(
                List.of(
                        answering("collector", "heartbeats", ok("service", "router"), ok("instance", "router-1")),
                        answering("nats", "server", ok("nats", "server")),
                        answering("collector", "empty")),
                AT);

        assertThat(results)
                .extracting(CheckResult::id)
                .containsExactly("instance:router-1", "nats:server", "service:router");
    }

    @Test
    void aCollectorThatThrowsYieldsAnErrorResultSayingSo() {
        List<CheckResult> results = runner.run(
                List.of(
                        new Fake("nats", "server", Fake.Behaviour.THROW, List.of(), never),
                        answering("postgres", "mesh", ok("postgres", "mesh"))),
                AT);

        assertThat(results).hasSize(2);
        CheckResult nats = results.getFirst();
        assertThat(nats.id()).isEqualTo("nats:server");
        assertThat(nats.state()).isEqualTo(CheckState.ERROR);
        assertThat(nats.at()).isEqualTo(AT);
        assertThat(nats.message())
                .isEqualTo("the check nats:server failed: IllegalStateException: monitoring answered garbage");
        assertThat(results.get(1).state()).isEqualTo(CheckState.OK);
    }

    @Test
    void aCollectorStillRunningAtTheDeadlineYieldsAnErrorAndTheOthersAreKept() {
        long start = System.nanoTime();

        List<CheckResult> results = runner.run(
                List.of(
                        new Fake("probe", "slow", Fake.Behaviour.HANG, List.of(ok("probe", "slow")), never),
                        answering("postgres", "mesh", ok("postgres", "mesh"))),
                AT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(results).extracting(CheckResult::id).containsExactly("postgres:mesh", "probe:slow");
        assertThat(results.get(1).state()).isEqualTo(CheckState.ERROR);
        assertThat(results.get(1).message()).contains("did not finish within 300 ms");
    }

    @Test
    void aCollectorReturningNothingReadableYieldsAnError() {
        List<CheckResult> nulls = new ArrayList<>();
        nulls.add(null);
        List<CheckResult> results = runner.run(
                List.of(
                        new Fake("collector", "broken", Fake.Behaviour.ANSWER, null, never),
                        new Fake("collector", "holes", Fake.Behaviour.ANSWER, nulls, never)),
                AT);

        assertThat(results).extracting(CheckResult::id).containsExactly("collector:broken", "collector:holes");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.state()).isEqualTo(CheckState.ERROR);
            assertThat(result.message()).contains("incomplete result");
        });
    }

    @Test
    void keepsTheFirstOfTwoResultsWithTheSameId() {
        CheckResult first = ok("service", "router");
        CheckResult second = CheckResult.of("service", "router", CheckState.CRITICAL, 0.0, null, "clash", AT);

        List<CheckResult> results =
                runner.run(List.of(answering("collector", "a", first), answering("collector", "b", second)), AT);

        assertThat(results).containsExactly(first);
    }

    @Test
    void refusesANonPositiveTimeout() {
        assertThatThrownBy(() -> new CheckRunner(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}

package dev.uniwizard.mesh.house.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.approval.Approval;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.engine.ToolOutcome.Status;
import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolExecutorTest {

    private final TestTurns.RecordingSink sink = new TestTurns.RecordingSink();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @TempDir
    Path workspace;

    @Test
    void readOnlyCallsOfAStepRunTogether() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        List<Tool> tools = List.of(new Rendezvous("meet", bothStarted));
        ToolExecutor executor = executor(Map.of(), tools);

        List<ToolOutcome> outcomes =
                executor.execute(turn(HouseMode.INTELLIGENT), List.of(call("a", "meet"), call("b", "meet")), "");

        assertThat(outcomes).extracting(ToolOutcome::callId).containsExactly("a", "b");
        assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.OK));
    }

    @Test
    void parallelismIsBounded() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        ToolExecutor executor =
                executor(Map.of("house.execution.parallelism", "1"), List.of(new Rendezvous("meet", bothStarted)));

        List<ToolOutcome> outcomes =
                executor.execute(turn(HouseMode.INTELLIGENT), List.of(call("a", "meet"), call("b", "meet")), "");

        assertThat(outcomes).extracting(ToolOutcome::status).contains(Status.FAILED);
    }

    @Test
    void aSideEffectingCallRunsAloneBetweenTheReadsAroundIt() {
        ToolExecutor executor = executor(Map.of(), List.of(new Logged("look", true), new Logged("change", false)));

        executor.execute(
                turn(HouseMode.INTELLIGENT), List.of(call("1", "look"), call("2", "change"), call("3", "look")), "");

        assertThat(events).containsExactly("start 1", "end 1", "start 2", "end 2", "start 3", "end 3");
    }

    @Test
    void aDeniedCallDoesNotRunAndSaysWhichRule() {
        ToolExecutor executor =
                executor(Map.of("house.permissions.deny", "change"), List.of(new Logged("change", false)));

        ToolOutcome outcome = executor.executeOne(turn(HouseMode.INTELLIGENT), call("1", "change"), "");

        assertThat(outcome.status()).isEqualTo(Status.DENIED);
        assertThat(outcome.text()).contains("rule deny: change");
        assertThat(events).isEmpty();
        assertThat(sink.count("change", Status.DENIED)).isEqualTo(1);
    }

    @Test
    void sovereignSideEffectsRunOnlyWithAnApprovalForTheExactArguments() {
        List<Map<String, String>> asked = new ArrayList<>();
        ToolExecutor granting = TestTurns.executor(
                HouseConfigs.of(Map.of()),
                List.of(new Logged("change", false), new Logged("look", true)),
                (turn, tool, arguments, reason) -> {
                    asked.add(arguments);
                    return new Approval(true, "approved by operator:alice", null);
                },
                sink);

        ToolOutcome read = granting.executeOne(turn(HouseMode.SOVEREIGN), call("1", "look"), "");
        ToolOutcome write = granting.executeOne(turn(HouseMode.SOVEREIGN), call("2", "change"), "");

        assertThat(read.status()).isEqualTo(Status.OK);
        assertThat(write.status()).isEqualTo(Status.OK);
        assertThat(write.text()).contains("approved by operator:alice");
        assertThat(asked).containsExactly(Map.of("id", "2"));
    }

    @Test
    void aSideEffectOfATaskRunsOnceEvenWhenTheTaskIsDeliveredAgain() {
        ToolExecutor executor = executor(Map.of(), List.of(new Logged("change", false)));
        TurnContext first = turn(HouseMode.INTELLIGENT);
        TurnContext again = new TurnContext(
                first.task(), first.mode(), false, first.ledger(), first.deadline(), () -> {}, text -> {});

        executor.executeOne(first, call("1", "change"), "");
        ToolOutcome repeated = executor.executeOne(again, call("1", "change"), "");

        assertThat(events).containsExactly("start 1", "end 1");
        assertThat(repeated.status()).isEqualTo(Status.OK);
        assertThat(repeated.text()).startsWith("(already run in an earlier attempt of this task");
    }

    @Test
    void withoutAnApprovalNothingRuns() {
        ToolExecutor executor = executor(Map.of(), List.of(new Logged("change", false)));

        ToolOutcome outcome = executor.executeOne(turn(HouseMode.SOVEREIGN), call("1", "change"), "");

        assertThat(outcome.status()).isEqualTo(Status.NOT_APPROVED);
        assertThat(events).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedAndRepeatedFailuresOpenTheBreaker() {
        AtomicInteger runs = new AtomicInteger();
        Tool flaky = new Logged("flaky", true) {
            @Override
            public ToolResult execute(ToolCall call) {
                runs.incrementAndGet();
                throw new TransientToolException("connection refused");
            }
        };
        ToolExecutor executor = executor(
                Map.of(
                        "house.execution.retry.max-attempts", "2",
                        "house.execution.retry.initial-backoff", "1ms",
                        "house.execution.breaker.window-size", "3",
                        "house.execution.breaker.minimum-calls", "3"),
                List.of(flaky));

        List<Status> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(executor.executeOne(turn(HouseMode.INTELLIGENT), call("c" + i, "flaky"), "")
                    .status());
        }

        assertThat(statuses).containsExactly(Status.ERROR, Status.ERROR, Status.ERROR, Status.UNAVAILABLE);
        assertThat(runs).hasValue(6);
        assertThat(sink.outcomes.getLast().text()).contains("circuit breaker is open");
    }

    @Test
    void aSideEffectingCallIsNotRetriedAsItMayHaveTakenEffect() {
        AtomicInteger runs = new AtomicInteger();
        Tool post = new Logged("post", false) {
            @Override
            public ToolResult execute(ToolCall call) {
                runs.incrementAndGet();
                throw new TransientToolException("502 from the server");
            }
        };
        ToolExecutor executor = executor(Map.of("house.execution.retry.initial-backoff", "1ms"), List.of(post));

        ToolOutcome outcome = executor.executeOne(turn(HouseMode.INTELLIGENT), call("1", "post"), "");

        assertThat(outcome.status()).isEqualTo(Status.ERROR);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aReportedFailureIsAnAnswerAndDoesNotOpenTheBreaker() {
        Tool failing = new Logged("failing", true) {
            @Override
            public ToolResult execute(ToolCall call) {
                return ToolResult.failure("no such file");
            }
        };
        ToolExecutor executor = executor(
                Map.of("house.execution.breaker.window-size", "2", "house.execution.breaker.minimum-calls", "2"),
                List.of(failing));

        for (int i = 0; i < 4; i++) {
            assertThat(executor.executeOne(turn(HouseMode.INTELLIGENT), call("c" + i, "failing"), "")
                            .status())
                    .isEqualTo(Status.FAILED);
        }
    }

    @Test
    void aSlowCallTimesOut() {
        Tool slow = new Logged("slow", true) {
            @Override
            public ToolResult execute(ToolCall call) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ToolResult.ok("late");
            }
        };
        ToolExecutor executor = executor(Map.of("house.execution.timeouts.slow", "100ms"), List.of(slow));

        ToolOutcome outcome = executor.executeOne(turn(HouseMode.INTELLIGENT), call("1", "slow"), "");

        assertThat(outcome.status()).isEqualTo(Status.TIMEOUT);
        assertThat(outcome.text()).contains("did not finish within 100ms");
    }

    @Test
    void readBeforeWriteRefusesAnUnreadExistingFileAndAllowsItAfterReading() throws Exception {
        Files.writeString(workspace.resolve("notes.md"), "old");
        ToolExecutor executor = executor(
                Map.of("house.gates.read-before-write", "true"),
                List.of(new PathTool("file_read", true), new PathTool("file_write", false)));
        TurnContext turn = turn(HouseMode.INTELLIGENT);

        ToolOutcome refused = executor.executeOne(turn, pathCall("1", "file_write", "notes.md"), "");
        ToolOutcome created = executor.executeOne(turn, pathCall("2", "file_write", "new.md"), "");
        executor.executeOne(turn, pathCall("3", "file_read", "./notes.md"), "");
        ToolOutcome written = executor.executeOne(turn, pathCall("4", "file_write", "notes.md"), "");

        assertThat(refused.status()).isEqualTo(Status.REFUSED);
        assertThat(refused.text()).contains("read-before-write", "'notes.md' exists and has not been read");
        assertThat(created.status()).isEqualTo(Status.OK);
        assertThat(written.status()).isEqualTo(Status.OK);
    }

    @Test
    void proofRequiredWantsAPassingProofAfterTheLastChange() {
        AtomicInteger proofExit = new AtomicInteger(1);
        Tool proof = new Logged("run_tests", true) {
            @Override
            public ToolResult execute(ToolCall call) {
                return proofExit.get() == 0 ? ToolResult.ok("passed") : ToolResult.failure("1 test failed");
            }
        };
        ToolExecutor executor = executor(
                Map.of("house.gates.proof-required", "true"),
                List.of(proof, new Logged("git_commit", false), new PathTool("file_write", false)));
        TurnContext turn = turn(HouseMode.INTELLIGENT);

        executor.executeOne(turn, pathCall("1", "file_write", "a.txt"), "");
        ToolOutcome unproven = executor.executeOne(turn, call("2", "git_commit"), "");
        executor.executeOne(turn, call("3", "run_tests"), "");
        ToolOutcome failedProof = executor.executeOne(turn, call("4", "git_commit"), "");
        proofExit.set(0);
        executor.executeOne(turn, call("5", "run_tests"), "");
        ToolOutcome committed = executor.executeOne(turn, call("6", "git_commit"), "");
        executor.executeOne(turn, pathCall("7", "file_write", "b.txt"), "");
        ToolOutcome changedAgain = executor.executeOne(turn, call("8", "git_commit"), "");

        assertThat(unproven.status()).isEqualTo(Status.REFUSED);
        assertThat(unproven.text()).contains("proof-required", "run_tests has not been run since 'a.txt'");
        assertThat(failedProof.text()).contains("the last run_tests failed");
        assertThat(committed.status()).isEqualTo(Status.OK);
        assertThat(changedAgain.status()).isEqualTo(Status.REFUSED);
        assertThat(changedAgain.text()).contains("'b.txt' was changed after the last run_tests");
    }

    private ToolExecutor executor(Map<String, String> properties, List<Tool> tools) {
        Map<String, String> all = new HashMap<>(properties);
        all.put("house.workspace.roots", workspace.toString());
        HouseConfig config = HouseConfigs.of(all);
        return TestTurns.executor(config, tools, TestTurns.noApprovals(), sink);
    }

    private static TurnContext turn(HouseMode mode) {
        return TestTurns.turn(mode, mode == HouseMode.SOVEREIGN, new ArrayList<>());
    }

    private static ToolRequest call(String id, String tool) {
        return ToolRequest.of(id, new ToolCall(tool, Map.of("id", id)));
    }

    private static ToolRequest pathCall(String id, String tool, String path) {
        return ToolRequest.of(id, new ToolCall(tool, Map.of("path", path)));
    }

    /** Succeeds only when another call reaches it while it waits: proof that two calls ran at the same time. */
    private final class Rendezvous extends Logged {
        private final CountDownLatch latch;

        Rendezvous(String name, CountDownLatch latch) {
            super(name, true);
            this.latch = latch;
        }

        @Override
        public ToolResult execute(ToolCall call) {
            latch.countDown();
            try {
                return latch.await(2, TimeUnit.SECONDS) ? ToolResult.ok("met") : ToolResult.failure("ran alone");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ToolResult.failure("interrupted");
            }
        }
    }

    /** A tool with an {@code id} parameter that logs its start and end. */
    private class Logged implements Tool {
        private final String name;
        private final boolean readOnly;

        Logged(String name, boolean readOnly) {
            this.name = name;
            this.readOnly = readOnly;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test tool " + name;
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of(ToolParameter.optional("id", ParamType.STRING, "call id"));
        }

        @Override
        public boolean readOnly() {
            return readOnly;
        }

        @Override
        public ToolResult execute(ToolCall call) {
            String id = call.argument("id").orElse("?");
            events.add("start " + id);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            events.add("end " + id);
            return ToolResult.ok("done " + id);
        }
    }

    /** Stands in for file_read/file_write: a {@code path} parameter that is the call's target. */
    private static final class PathTool implements Tool {
        private final String name;
        private final boolean readOnly;

        PathTool(String name, boolean readOnly) {
            this.name = name;
            this.readOnly = readOnly;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return name;
        }

        @Override
        public List<ToolParameter> parameters() {
            return List.of(ToolParameter.required("path", "a path"));
        }

        @Override
        public boolean readOnly() {
            return readOnly;
        }

        @Override
        public Optional<String> target(ToolCall call) {
            return call.argument("path");
        }

        @Override
        public ToolResult execute(ToolCall call) {
            return ToolResult.ok(name + " " + call.required("path"));
        }
    }
}

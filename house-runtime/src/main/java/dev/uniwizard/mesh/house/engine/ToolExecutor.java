package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.house.approval.Approval;
import dev.uniwizard.mesh.house.approval.ApprovalGateway;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.engine.ToolOutcome.Status;
import dev.uniwizard.mesh.house.gates.HouseGates;
import dev.uniwizard.mesh.house.gates.LedgerStore;
import dev.uniwizard.mesh.house.policy.PermissionDecision;
import dev.uniwizard.mesh.house.policy.PermissionPolicy;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs the tool calls of one step. Every call passes, in order: the registry (unknown tool), the argument check, the
 * permission rules (deny wins; ask means approval), the house gates, the approval (for ask rules, and for
 * side-effecting calls when approvals are required), then the resilient runner. Consecutive read-only calls run in
 * parallel (at most {@code house.execution.parallelism} at once); a side-effecting call runs alone, after everything
 * before it and before everything after it. Results come back in the order of the calls, and each is recorded.
 */
@Singleton
public class ToolExecutor {

    private final String house;
    private final ToolRegistry registry;
    private final PermissionPolicy policy;
    private final HouseGates gates;
    private final LedgerStore ledgers;
    private final ApprovalGateway approvals;
    private final ResilientRunner runner;
    private final ToolCallSink recorder;
    private final CompletedCalls completed;
    private final Semaphore parallel;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public ToolExecutor(
            HouseConfig config,
            ToolRegistry registry,
            PermissionPolicy policy,
            HouseGates gates,
            LedgerStore ledgers,
            ApprovalGateway approvals,
            ResilientRunner runner,
            ToolCallSink recorder,
            CompletedCalls completed) {
        this.house = config.name();
        this.registry = registry;
        this.policy = policy;
        this.gates = gates;
        this.ledgers = ledgers;
        this.approvals = approvals;
        this.runner = runner;
        this.recorder = recorder;
        this.completed = completed;
        this.parallel = new Semaphore(Math.max(1, config.execution().parallelism()));
    }

    /**
     * Runs a step's calls.
     *
     * @param intent what the model said alongside the calls (shown with approval requests), may be empty
     */
    public List<ToolOutcome> execute(TurnContext turn, List<ToolRequest> requests, String intent) {
        List<ToolOutcome> outcomes = new ArrayList<>(requests.size());
        List<ToolRequest> batch = new ArrayList<>();
        for (ToolRequest request : requests) {
            if (parallelSafe(request)) {
                batch.add(request);
            } else {
                outcomes.addAll(runParallel(turn, batch, intent));
                batch.clear();
                outcomes.add(executeOne(turn, request, intent));
            }
        }
        outcomes.addAll(runParallel(turn, batch, intent));
        return outcomes;
    }

    private boolean parallelSafe(ToolRequest request) {
        if (request.problem() != null) {
            return true;
        }
        return registry.find(request.call().tool())
                .map(tool -> !tool.sideEffects(request.call()))
                .orElse(true);
    }

    private List<ToolOutcome> runParallel(TurnContext turn, List<ToolRequest> batch, String intent) {
        if (batch.size() <= 1) {
            return batch.stream()
                    .map(request -> executeOne(turn, request, intent))
                    .toList();
        }
        List<Future<ToolOutcome>> futures = new ArrayList<>();
        for (ToolRequest request : batch) {
            futures.add(executor.submit(() -> {
                parallel.acquire();
                try {
                    return executeOne(turn, request, intent);
                } finally {
                    parallel.release();
                }
            }));
        }
        List<ToolOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            outcomes.add(await(futures.get(i), batch.get(i)));
        }
        return outcomes;
    }

    private static ToolOutcome await(Future<ToolOutcome> future, ToolRequest request) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolOutcome.notRun(
                    request.callId(),
                    request.call().tool(),
                    request.call().arguments(),
                    Status.ERROR,
                    "The house is shutting down; the call was abandoned.",
                    Duration.ZERO);
        } catch (ExecutionException e) {
            return ToolOutcome.notRun(
                    request.callId(),
                    request.call().tool(),
                    request.call().arguments(),
                    Status.ERROR,
                    "The call failed inside the house: " + e.getCause(),
                    Duration.ZERO);
        }
    }

    /** One call through every check, run and recorded. */
    public ToolOutcome executeOne(TurnContext turn, ToolRequest request, String intent) {
        long start = System.nanoTime();
        ToolOutcome outcome = decideAndRun(turn, request, intent, start);
        recorder.record(turn, outcome);
        return outcome;
    }

    private ToolOutcome decideAndRun(TurnContext turn, ToolRequest request, String intent, long start) {
        ToolCall call = request.call();
        if (request.problem() != null) {
            return notRun(request, Status.BAD_ARGUMENTS, request.problem(), start);
        }
        Optional<Tool> found = registry.find(call.tool());
        if (found.isEmpty()) {
            return notRun(
                    request,
                    Status.UNKNOWN_TOOL,
                    "There is no tool '" + call.tool() + "' in house '" + house + "'. Available tools: "
                            + String.join(", ", registry.names()) + ".",
                    start);
        }
        Tool tool = found.get();
        Optional<String> badArguments = ToolRegistry.checkArguments(tool, call);
        if (badArguments.isPresent()) {
            return notRun(request, Status.BAD_ARGUMENTS, badArguments.get(), start);
        }
        PermissionDecision permission = policy.decide(tool.name(), tool.target(call));
        if (permission.verdict() == PermissionDecision.Verdict.DENY) {
            return notRun(request, Status.DENIED, permission.explanation(), start);
        }
        boolean sideEffects = tool.sideEffects(call);
        if (sideEffects) {
            Optional<ToolOutcome> earlier = completed.find(turn.task().id(), tool.name(), call.arguments());
            if (earlier.isPresent()) {
                return new ToolOutcome(
                        request.callId(),
                        tool.name(),
                        call.arguments(),
                        earlier.get().status(),
                        "(already run in an earlier attempt of this task, not run again) "
                                + earlier.get().text(),
                        0,
                        Duration.ofNanos(System.nanoTime() - start));
            }
        }
        Optional<String> refusal = gates.check(tool, call, turn.ledger());
        if (refusal.isPresent()) {
            return notRun(request, Status.REFUSED, refusal.get(), start);
        }
        String approvalNote = "";
        Optional<String> approvalReason = approvalReason(turn, tool, call, permission);
        if (approvalReason.isPresent()) {
            String reason = approvalReason.get() + (intent == null || intent.isBlank() ? "" : "; intent: " + intent);
            Approval approval = approvals.obtain(turn, tool.name(), call.arguments(), reason);
            if (!approval.granted()) {
                return notRun(request, Status.NOT_APPROVED, approval.explanation(), start);
            }
            approvalNote = " [" + approval.explanation() + "]";
        }
        ResilientRunner.Run run = runner.run(tool, call, turn);
        ledgers.record(turn.ledger(), tool.name(), call.argument("path").orElse(null), run.status() == Status.OK);
        ToolOutcome outcome = new ToolOutcome(
                request.callId(),
                tool.name(),
                call.arguments(),
                run.status(),
                run.text() + approvalNote,
                run.attempts(),
                Duration.ofNanos(System.nanoTime() - start));
        if (sideEffects && run.attempts() > 0) {
            completed.remember(turn.task().id(), outcome);
        }
        return outcome;
    }

    private static Optional<String> approvalReason(
            TurnContext turn, Tool tool, ToolCall call, PermissionDecision permission) {
        if (permission.verdict() == PermissionDecision.Verdict.ASK) {
            return Optional.of("permission rule ask: " + permission.rule());
        }
        if (turn.approvalsRequired() && tool.sideEffects(call)) {
            return Optional.of("SOVEREIGN mode: " + tool.name() + " has side effects");
        }
        return Optional.empty();
    }

    private static ToolOutcome notRun(ToolRequest request, Status status, String text, long start) {
        return ToolOutcome.notRun(
                request.callId(),
                request.call().tool(),
                request.call().arguments(),
                status,
                text,
                Duration.ofNanos(System.nanoTime() - start));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}

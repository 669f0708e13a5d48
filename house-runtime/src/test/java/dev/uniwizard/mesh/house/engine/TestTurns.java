package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.house.approval.Approval;
import dev.uniwizard.mesh.house.approval.ApprovalGateway;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.gates.ConversationLedger;
import dev.uniwizard.mesh.house.gates.HouseGates;
import dev.uniwizard.mesh.house.gates.LedgerStore;
import dev.uniwizard.mesh.house.policy.PermissionPolicy;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import dev.uniwizard.mesh.testkit.TestExchanges;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds turns and a real {@link ToolExecutor} (registry, permissions, gates, resilient runner) for plain unit tests.
 * Only the two ports that leave the process are replaced: approvals (answered by the test) and the event sink (kept
 * in a list). Shipped in the test-jar.
 */
public final class TestTurns {

    private TestTurns() {}

    /** A turn of a fresh task in the given mode, with a 1-minute budget. */
    public static TurnContext turn(HouseMode mode, boolean approvalsRequired, List<String> notices) {
        Envelope task = TestExchanges.routedTask(TestExchanges.operatorMessage("ezra", "test"), "ezra", "test");
        return new TurnContext(
                task,
                mode,
                approvalsRequired,
                new ConversationLedger(),
                Instant.now().plusSeconds(60),
                () -> {},
                notices::add);
    }

    /** The executor of {@code config} over {@code tools}. */
    public static ToolExecutor executor(
            HouseConfig config, List<Tool> tools, ApprovalGateway approvals, RecordingSink sink) {
        Workspace workspace = new Workspace(config);
        return new ToolExecutor(
                config,
                new ToolRegistry(tools, config.tools().enabled()),
                new PermissionPolicy(config),
                new HouseGates(config, workspace),
                new LedgerStore(workspace),
                approvals,
                new ResilientRunner(config),
                sink,
                new CompletedCalls());
    }

    /** Approvals that must not be asked for: any request fails the call with a clear text. */
    public static ApprovalGateway noApprovals() {
        return (turn, tool, arguments, reason) -> new Approval(
                false, "no approval authority in this test (asked for " + tool + ": " + reason + ")", null);
    }

    /** Keeps every recorded outcome. */
    public static final class RecordingSink implements ToolCallSink {
        public final List<ToolOutcome> outcomes = new CopyOnWriteArrayList<>();

        @Override
        public void record(TurnContext turn, ToolOutcome outcome) {
            outcomes.add(outcome);
        }

        public long count(String tool, ToolOutcome.Status status) {
            return outcomes.stream()
                    .filter(o -> o.tool().equals(tool) && o.status() == status)
                    .count();
        }
    }
}

package dev.uniwizard.mesh.house.gates;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledgers of recent conversations. A conversation this process has not seen is rebuilt from the tool calls stored
 * with its history in memory-svc, so a conversation that moves to another replica keeps what it read and proved (as
 * far back as the history that was loaded).
 */
@Singleton
public class LedgerStore {

    private static final int MAX_CONVERSATIONS = 10_000;

    private final Workspace workspace;
    private final Map<String, ConversationLedger> ledgers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConversationLedger> eldest) {
            return size() > MAX_CONVERSATIONS;
        }
    };

    public LedgerStore(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The conversation's ledger, built from {@code history} when this process has none yet. */
    public synchronized ConversationLedger ledger(String conversationId, List<StoredMessage> history) {
        return ledgers.computeIfAbsent(conversationId, id -> replay(history));
    }

    private ConversationLedger replay(List<StoredMessage> history) {
        ConversationLedger ledger = new ConversationLedger();
        for (StoredMessage message : history) {
            if (!"tool".equals(message.role())) {
                continue;
            }
            for (ToolCallTrace trace : message.toolCalls()) {
                if (ran(trace.outcome())) {
                    record(ledger, trace.tool(), pathOf(trace), "ok".equals(trace.outcome()));
                }
            }
        }
        return ledger;
    }

    /** Records a finished call in a ledger. */
    public void record(ConversationLedger ledger, String tool, String path, boolean ok) {
        if (ConversationLedger.PROOF_TOOL.equals(tool)) {
            ledger.recordProof(ok);
        } else if (ok && path != null && ConversationLedger.READ_TOOLS.contains(tool)) {
            ledger.recordRead(workspace.displayPath(path));
        } else if (ok && path != null && ConversationLedger.CHANGE_TOOLS.contains(tool)) {
            ledger.recordChange(workspace.displayPath(path));
        }
    }

    /** Outcomes of calls that ran; a denied, refused or unapproved call proved and changed nothing. */
    private static boolean ran(String outcome) {
        return "ok".equals(outcome) || "failed".equals(outcome) || "error".equals(outcome) || "timeout".equals(outcome);
    }

    private static String pathOf(ToolCallTrace trace) {
        return trace.arguments() != null && trace.arguments().hasNonNull("path")
                ? trace.arguments().get("path").asText()
                : null;
    }
}

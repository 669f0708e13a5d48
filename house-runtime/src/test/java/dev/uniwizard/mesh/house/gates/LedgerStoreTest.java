package dev.uniwizard.mesh.house.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import dev.uniwizard.mesh.house.tools.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerStoreTest {

    @TempDir
    Path workspace;

    @Test
    void aConversationNewToThisProcessIsRebuiltFromItsStoredToolCalls() {
        LedgerStore store = new LedgerStore(new Workspace(List.of(workspace)));
        List<StoredMessage> history = List.of(
                tool(1, "file_read", "./docs/a.md", "ok"),
                tool(2, "file_read", "docs/missing.md", "failed"),
                tool(3, "file_write", "src/app.txt", "ok"),
                tool(4, "run_tests", null, "ok"),
                tool(5, "run_tests", null, "not_approved"));

        ConversationLedger ledger = store.ledger("conv-1", history);

        assertThat(ledger.hasRead("docs/a.md")).isTrue();
        assertThat(ledger.hasRead("docs/missing.md")).isFalse();
        assertThat(ledger.hasRead("src/app.txt")).as("written, so known").isTrue();
        assertThat(ledger.provenSinceLastChange()).isTrue();
        assertThat(store.ledger("conv-1", List.of()))
                .as("kept for the next turn")
                .isSameAs(ledger);
    }

    @Test
    void aChangeAfterTheProofNeedsANewProof() {
        LedgerStore store = new LedgerStore(new Workspace(List.of(workspace)));

        ConversationLedger ledger =
                store.ledger("conv-2", List.of(tool(1, "run_tests", null, "ok"), tool(2, "file_write", "b.txt", "ok")));

        assertThat(ledger.provenSinceLastChange()).isFalse();
        assertThat(ledger.describeProof()).isEqualTo("'b.txt' was changed after the last run_tests");
    }

    private static StoredMessage tool(long seq, String tool, String path, String outcome) {
        var arguments = JsonNodeFactory.instance.objectNode();
        if (path != null) {
            arguments.put("path", path);
        }
        return new StoredMessage(
                seq,
                "m" + seq,
                "tool",
                "ezra",
                null,
                outcome,
                Instant.now(),
                List.of(new ToolCallTrace("c" + seq, tool, arguments, outcome)));
    }
}

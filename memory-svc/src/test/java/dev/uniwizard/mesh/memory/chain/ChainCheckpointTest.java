package dev.uniwizard.mesh.memory.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed checkpoints of the chain head, and what they catch that the chain alone cannot: a chain rewritten
 * consistently after it was signed. The class has a database of its own, in which only messages are chained.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        },
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ChainCheckpointTest {

    private static final NodeKey MEMORY_TEST = TestKeyring.shared().key("memory-test", NodeRole.SERVICE);

    @Inject
    ConversationStore store;

    @Inject
    ChainVerifier verifier;

    @Inject
    Checkpointer checkpointer;

    @Inject
    Jdbi jdbi;

    private ChainRows rows;

    @BeforeEach
    void setUp() {
        rows = new ChainRows(jdbi, store);
    }

    @Test
    void aCheckpointSignsTheHeadWithTheNodeKey() {
        rows.append(newConversation(), "sign me");
        ChainWriter.ChainLinkHead head = rows.head();

        ChainCheckpoint checkpoint = checkpointer.checkpointNow();

        assertThat(checkpoint.chainSeq()).isEqualTo(head.seq());
        assertThat(checkpoint.hash()).isEqualTo(ChainHash.hex(head.hash()));
        assertThat(checkpoint.nodeId()).isEqualTo("memory-test");
        assertThat(checkpoint.keyId()).isEqualTo(MEMORY_TEST.keyId());
        String statement = "{\"chainSeq\":" + head.seq() + ",\"hash\":\"" + ChainHash.hex(head.hash())
                + "\",\"nodeId\":\"memory-test\",\"signedAt\":\"" + checkpoint.signedAt() + "\"}";
        assertThat(CheckpointSignature.verify(
                        MEMORY_TEST.publicKey(),
                        statement.getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(checkpoint.signature())))
                .isTrue();
        assertThat(rows.count("SELECT count(*) FROM chain_checkpoints WHERE chain_seq = " + head.seq()
                        + " AND node_id = 'memory-test' AND key_id = '" + MEMORY_TEST.keyId() + "'"))
                .isPositive();

        ChainReport report = verifier.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.checkpoints().problem()).isNull();
        assertThat(report.checkpoints().checked())
                .isEqualTo(rows.count("SELECT count(*) FROM chain_checkpoints"))
                .isPositive();
        assertThat(report.checkpoints().lastChainSeq()).isEqualTo(head.seq());
        assertThat(report.checkpoints().lastSignedAt()).isEqualTo(checkpoint.signedAt());
        assertThat(report.checkpoints().lastSignedBy()).isEqualTo("memory-test");
    }

    @Test
    void thePeriodicCheckpointSignsOnlyAHeadThatMoved() {
        rows.append(newConversation(), "move the head");

        Optional<ChainCheckpoint> first = checkpointer.checkpointIfMoved();
        Optional<ChainCheckpoint> again = checkpointer.checkpointIfMoved();
        rows.append(newConversation(), "move it again");
        Optional<ChainCheckpoint> moved = checkpointer.checkpointIfMoved();

        assertThat(first).map(ChainCheckpoint::chainSeq).contains(rows.head().seq() - 1);
        assertThat(again).isEmpty();
        assertThat(moved).map(ChainCheckpoint::chainSeq).contains(rows.head().seq());
    }

    @Test
    void aForgedCheckpointIsReported() {
        rows.append(newConversation(), "to be vouched for");
        checkpointer.checkpointNow();
        long id = rows.count("SELECT max(id) FROM chain_checkpoints");
        byte[] signed = jdbi.withHandle(handle -> handle.createQuery("SELECT hash FROM chain_checkpoints WHERE id = ?")
                .bind(0, id)
                .mapTo(byte[].class)
                .one());

        setCheckpointHash(id, new byte[32]);
        try {
            ChainReport report = verifier.verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBreak()).isNull();
            assertThat(report.checkpoints().problem())
                    .startsWith("checkpoint " + id + " of position ")
                    .endsWith("the signature does not match the checkpoint (its position, hash, node or time were"
                            + " changed after it was signed)");
        } finally {
            setCheckpointHash(id, signed);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aCheckpointByAnUnknownNodeOrKeyIsReported() {
        checkpointer.checkpointNow();
        long id = rows.count("SELECT max(id) FROM chain_checkpoints");

        jdbi.useHandle(
                handle -> handle.execute("UPDATE chain_checkpoints SET key_id = 'ed25519:0000' WHERE id = ?", id));
        String wrongKey = verifier.verify().checkpoints().problem();
        jdbi.useHandle(handle -> handle.execute("UPDATE chain_checkpoints SET node_id = 'nobody' WHERE id = ?", id));
        String unknownNode = verifier.verify().checkpoints().problem();
        jdbi.useHandle(handle -> handle.execute(
                "UPDATE chain_checkpoints SET node_id = 'memory-test', key_id = ? WHERE id = ?",
                MEMORY_TEST.keyId(),
                id));

        assertThat(wrongKey)
                .endsWith("it was signed with key ed25519:0000, but node 'memory-test' is trusted with key "
                        + MEMORY_TEST.keyId());
        assertThat(unknownNode).endsWith("node 'nobody' that signed it is not in the trust store");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aChainRewrittenConsistentlyAfterACheckpointIsCaughtByTheCheckpointAlone() {
        List<Long> seqs = rows.append(newConversation(), "the budget is 100", "agreed", "noted");
        long target = seqs.getFirst();
        long chainSeq = rows.chainSeqOfMessage(target);
        ChainCheckpoint checkpoint = checkpointer.checkpointNow();

        rows.setContent(target, "the budget is 1000");
        rows.rehashMessagesFrom(chainSeq);
        try {
            ChainReport report = verifier.verify();

            assertThat(report.firstBreak()).isNull();
            assertThat(report.headHash()).isNotEqualTo(checkpoint.hash());
            assertThat(report.intact()).isFalse();
            assertThat(report.checkpoints().problem())
                    .contains("the checkpoint signed ")
                    .endsWith("the chain was rewritten after it was signed");
            assertThat(report.checkpoints().problem())
                    .contains("the chain's hash at position " + checkpoint.chainSeq() + " is " + report.headHash()
                            + ", but the checkpoint signed " + checkpoint.hash());
        } finally {
            rows.setContent(target, "the budget is 100");
            rows.rehashMessagesFrom(chainSeq);
        }
        ChainReport restored = verifier.verify();
        assertThat(restored.intact()).isTrue();
        assertThat(restored.headHash()).isEqualTo(checkpoint.hash());
    }

    private void setCheckpointHash(long id, byte[] hash) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE chain_checkpoints SET hash = :hash WHERE id = :id")
                .bind("hash", hash)
                .bind("id", id)
                .execute());
    }

    private static String newConversation() {
        return "conv-" + UUID.randomUUID();
    }
}

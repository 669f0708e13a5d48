package dev.uniwizard.mesh.memory.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.ChainBreak;
import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with stored messages in SQL, as someone with database access could, and what verify says about it. The
 * class has a database of its own (no other class's rows in its chain); its tests share it, so each puts back what it
 * changed and the chain is intact again at the end of each.
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
class ChainVerifierTest {

    @Inject
    ConversationStore store;

    @Inject
    ChainVerifier verifier;

    @Inject
    Jdbi jdbi;

    private ChainRows rows;

    @BeforeEach
    void setUp() {
        rows = new ChainRows(jdbi, store);
    }

    @Test
    void anUntouchedChainIsIntactAndEndsAtTheHead() {
        rows.append(newConversation(), "first", "second", "third");

        ChainReport report = verifier.verify();

        ChainWriter.ChainLinkHead head = rows.head();
        assertThat(report.intact()).isTrue();
        assertThat(report.firstBreak()).isNull();
        assertThat(report.headSeq()).isEqualTo(head.seq()).isGreaterThanOrEqualTo(3);
        assertThat(report.headHash()).isEqualTo(ChainHash.hex(head.hash()));
        assertThat(report.checkedLinks())
                .isEqualTo(rows.count("SELECT count(*) FROM messages WHERE chain_seq IS NOT NULL"));
        assertThat(report.prunedLinks()).isEqualTo(rows.count("SELECT count(*) FROM chain_tombstones"));
        assertThat(report.checkedLinks() + report.prunedLinks()).isEqualTo(head.seq());
        assertThat(report.verifiedAt()).isNotNull();
    }

    @Test
    void aChangedMessageIsPinpointedAndTheLinksBeforeItAreNotBlamed() {
        List<Long> seqs = rows.append(newConversation(), "I will deploy on Friday", "ok", "done");
        long target = seqs.get(1);
        long chainSeq = rows.chainSeqOfMessage(target);
        byte[] storedHash = rows.messageColumn(target, "hash");

        rows.setContent(target, "I will deploy on Monday");
        try {
            ChainReport report = verifier.verify();

            assertThat(report.intact()).isFalse();
            ChainBreak broken = report.firstBreak();
            assertThat(broken.chainSeq()).isEqualTo(chainSeq);
            assertThat(broken.source()).isEqualTo("messages");
            assertThat(broken.key()).isEqualTo(Long.toString(target));
            assertThat(broken.problem())
                    .isEqualTo("the row differs from what was hashed: it was changed after it was stored");
            assertThat(broken.storedHash()).isEqualTo(ChainHash.hex(storedHash));
            assertThat(broken.expectedHash()).hasSize(64).isNotEqualTo(broken.storedHash());
            assertThat(report.checkedLinks() + report.prunedLinks()).isEqualTo(chainSeq - 1);
        } finally {
            rows.setContent(target, "ok");
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aDeletedMessageIsAMissingLink() {
        List<Long> seqs = rows.append(newConversation(), "one", "two", "three");
        long target = seqs.get(1);
        long chainSeq = rows.chainSeqOfMessage(target);
        String columns = ChainSource.MESSAGES.columns() + ", chain_seq, prev_hash, hash";
        jdbi.useHandle(handle -> {
            handle.execute(
                    "CREATE TABLE deleted_message AS SELECT " + columns + " FROM messages WHERE seq = ?", target);
            handle.execute("DELETE FROM messages WHERE seq = ?", target);
        });
        try {
            ChainBreak broken = verifier.verify().firstBreak();

            assertThat(broken.chainSeq()).isEqualTo(chainSeq);
            assertThat(broken.source()).isNull();
            assertThat(broken.problem())
                    .isEqualTo("link " + chainSeq + " is missing (its row was deleted?); the next link is "
                            + (chainSeq + 1) + " (messages " + seqs.get(2) + ")");
        } finally {
            jdbi.useHandle(handle -> {
                handle.execute("INSERT INTO messages (" + columns + ") SELECT " + columns + " FROM deleted_message");
                handle.execute("DROP TABLE deleted_message");
            });
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aChangedPrevHashIsPinpointed() {
        List<Long> seqs = rows.append(newConversation(), "alpha", "beta");
        long target = seqs.get(1);
        long chainSeq = rows.chainSeqOfMessage(target);
        byte[] prevHash = rows.messageColumn(target, "prev_hash");
        byte[] forged = new byte[32];
        forged[0] = 1;

        rows.setMessageColumn(target, "prev_hash", forged);
        try {
            ChainBreak broken = verifier.verify().firstBreak();

            assertThat(broken.chainSeq()).isEqualTo(chainSeq);
            assertThat(broken.key()).isEqualTo(Long.toString(target));
            assertThat(broken.problem()).startsWith("its prev_hash is not the hash of link " + (chainSeq - 1));
            assertThat(broken.expectedHash()).isEqualTo(ChainHash.hex(prevHash));
            assertThat(broken.storedHash()).isEqualTo(ChainHash.hex(forged));
        } finally {
            rows.setMessageColumn(target, "prev_hash", prevHash);
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aMessageInsertedInSqlIsNotInTheChainOnceItsLinkIsOverdue() {
        String conversation = newConversation();
        rows.append(conversation, "linked");
        insertUnlinkedMessage(conversation, "now()");
        try {
            // Just stored: the linker may not have got to it yet.
            assertThat(verifier.verify().intact()).isTrue();

            long overdue = insertUnlinkedMessage(conversation, "now() - interval '1 hour'");
            ChainReport report = verifier.verify();

            assertThat(report.intact()).isFalse();
            assertThat(report.firstBreak())
                    .isEqualTo(new ChainBreak(
                            0,
                            "messages",
                            Long.toString(overdue),
                            "the row is not in the chain: it was stored without being linked, or its chain_seq was"
                                    + " cleared",
                            null,
                            null));
        } finally {
            jdbi.useHandle(handle -> handle.execute(
                    "DELETE FROM messages WHERE conversation_id = ? AND chain_seq IS NULL", conversation));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aHeadThatIsNotTheLastLinkIsABreak() {
        rows.append(newConversation(), "head");
        long head = rows.head().seq();

        jdbi.useHandle(handle -> handle.execute("UPDATE chain_head SET seq = seq + 1"));
        try {
            ChainBreak broken = verifier.verify().firstBreak();

            assertThat(broken.chainSeq()).isEqualTo(head + 1);
            assertThat(broken.problem())
                    .isEqualTo("link " + (head + 1) + " is missing (its row was deleted?); the chain head is at"
                            + " position " + (head + 1));
        } finally {
            jdbi.useHandle(handle -> handle.execute("UPDATE chain_head SET seq = seq - 1"));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aPrunedMessageLeavesATombstoneThatStillLinks() {
        List<Long> seqs = rows.append(newConversation(), "old news", "newer");
        long pruned = seqs.getFirst();
        long chainSeq = rows.chainSeqOfMessage(pruned);
        long tombstonesBefore = rows.count("SELECT count(*) FROM chain_tombstones");

        jdbi.useHandle(handle -> handle.execute("""
                INSERT INTO chain_tombstones (chain_seq, source, source_key, prev_hash, hash, reason)
                SELECT chain_seq, 'messages', seq::text, prev_hash, hash, 'retention test'
                  FROM messages WHERE seq = ?
                """, pruned));
        ChainBreak twice = verifier.verify().firstBreak();
        jdbi.useHandle(handle -> handle.execute("DELETE FROM messages WHERE seq = ?", pruned));
        ChainReport report = verifier.verify();

        assertThat(twice.chainSeq()).isEqualTo(chainSeq);
        assertThat(twice.problem()).startsWith("position " + chainSeq + " is taken twice: by messages " + pruned);
        assertThat(report.intact()).isTrue();
        assertThat(report.prunedLinks()).isEqualTo(tombstonesBefore + 1);
        assertThat(report.checkedLinks() + report.prunedLinks()).isEqualTo(report.headSeq());
    }

    @Test
    void concurrentAppendsTakeContiguousPositions() throws Exception {
        long headBefore = rows.head().seq();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> appends = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                String conversation = newConversation();
                appends.add(pool.submit(() -> rows.append(
                        conversation,
                        IntStream.range(0, 100).mapToObj(i -> "message " + i).toArray(String[]::new))));
            }
            for (Future<List<Long>> append : appends) {
                assertThat(append.get()).hasSize(100);
            }
        } finally {
            pool.shutdownNow();
        }

        ChainReport report = verifier.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.headSeq()).isEqualTo(headBefore + 800);
        assertThat(rows.count("""
                        SELECT count(*) FROM (
                            SELECT chain_seq FROM messages WHERE chain_seq IS NOT NULL
                            UNION ALL SELECT chain_seq FROM chain_tombstones) links
                        WHERE chain_seq BETWEEN 1 AND (SELECT seq FROM chain_head)
                        """)).isEqualTo(report.headSeq());
        assertThat(rows.count("SELECT count(DISTINCT chain_seq) FROM messages WHERE chain_seq IS NOT NULL"))
                .isEqualTo(rows.count("SELECT count(*) FROM messages WHERE chain_seq IS NOT NULL"));
    }

    @Test
    void verifyWhileMessagesAreAppendedSeesOneConsistentSnapshot() throws Exception {
        AtomicBoolean appending = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> appenders = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                String conversation = newConversation();
                appenders.add(pool.submit(() -> {
                    int appended = 0;
                    while (appending.get() && appended < 2000) {
                        rows.append(conversation, "busy " + appended++);
                    }
                    return appended;
                }));
            }
            List<ChainReport> reports = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                reports.add(verifier.verify());
            }
            appending.set(false);
            for (Future<Integer> appender : appenders) {
                assertThat(appender.get()).isPositive();
            }

            assertThat(reports)
                    .allSatisfy(report -> assertThat(report.firstBreak()).isNull());
            assertThat(reports.getLast().headSeq())
                    .isGreaterThan(reports.getFirst().headSeq());
        } finally {
            appending.set(false);
            pool.shutdownNow();
        }
    }

    private long insertUnlinkedMessage(String conversation, String storedAt) {
        return jdbi.withHandle(handle -> handle.createQuery("INSERT INTO messages (envelope_id, conversation_id, role,"
                        + " content, said_at, stored_at) VALUES (:envelope, :conversation, 'user', 'slipped in',"
                        + " now(), " + storedAt + ") RETURNING seq")
                .bind("envelope", UUID.randomUUID().toString())
                .bind("conversation", conversation)
                .mapTo(Long.class)
                .one());
    }

    private static String newConversation() {
        return "conv-" + UUID.randomUUID();
    }
}

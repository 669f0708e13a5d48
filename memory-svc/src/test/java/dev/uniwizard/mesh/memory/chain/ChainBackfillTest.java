package dev.uniwizard.mesh.memory.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Rows stored before the chain existed (chain columns NULL) become links, once, however many nodes backfill. The class
 * has a database of its own, so the counts are its rows only.
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
class ChainBackfillTest {

    @Inject
    ChainBackfill backfill;

    @Inject
    ChainVerifier verifier;

    @Inject
    ConversationStore store;

    @Inject
    Jdbi jdbi;

    @Test
    void rowsStoredBeforeTheChainAreLinkedOnceByBackfillsRunningAtTheSameTime() {
        ChainRows rows = new ChainRows(jdbi, store);
        String conversation = "conv-" + UUID.randomUUID();
        rows.append(conversation, "linked when stored");
        long headBefore = rows.head().seq();
        insertRowsOfEveryChainedTable(conversation);
        long unlinked = rows.count("""
                SELECT (SELECT count(*) FROM messages WHERE chain_seq IS NULL)
                     + (SELECT count(*) FROM project_memory WHERE chain_seq IS NULL)
                     + (SELECT count(*) FROM project_memory_changes WHERE chain_seq IS NULL)
                     + (SELECT count(*) FROM conversation_summaries WHERE chain_seq IS NULL)
                """);

        ChainReport before = verifier.verify();
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(backfill::run);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(backfill::run);
        long linked = first.join() + second.join();
        ChainReport after = verifier.verify();

        assertThat(unlinked).isEqualTo(1203);
        assertThat(before.intact()).isFalse();
        assertThat(before.firstBreak().problem()).startsWith("the row is not in the chain");
        assertThat(before.firstBreak().source()).isEqualTo("messages");
        assertThat(linked).isEqualTo(unlinked);
        assertThat(after.intact()).isTrue();
        assertThat(after.headSeq()).isEqualTo(headBefore + unlinked);
        assertThat(after.checkedLinks()).isEqualTo(after.headSeq());
        assertThat(rows.count("""
                        SELECT count(DISTINCT chain_seq) FROM (
                            SELECT chain_seq FROM messages UNION ALL SELECT chain_seq FROM project_memory
                            UNION ALL SELECT chain_seq FROM project_memory_changes
                            UNION ALL SELECT chain_seq FROM conversation_summaries) links
                        WHERE chain_seq BETWEEN 1 AND (SELECT seq FROM chain_head)
                        """)).isEqualTo(after.headSeq());
        assertThat(backfill.run()).isZero();
        assertThat(verifier.verify().headSeq()).isEqualTo(after.headSeq());
    }

    /**
     * 1200 messages (more than two batches of 500), and one row of each other chained table with every column type a
     * canonical row knows: text arrays, bigint arrays, doubles, timestamps with microseconds, NULLs.
     */
    private void insertRowsOfEveryChainedTable(String conversation) {
        jdbi.useHandle(handle -> {
            handle.execute("""
                    INSERT INTO messages (envelope_id, conversation_id, role, house, content, said_at, stored_at,
                                          tool_calls)
                    SELECT 'old-' || i || '-' || ?, ?, 'user', CASE WHEN i % 2 = 0 THEN 'ezra' END,
                           'message from before the chain ' || i, now() - interval '2 days' + i * interval '1 second',
                           now() - interval '2 days', '[{"callId":"c","tool":"clock","arguments":{},"outcome":"ok"}]'
                      FROM generate_series(1, 1200) i
                    """, conversation, conversation);
            long memory = handle.createQuery("""
                            INSERT INTO project_memory (request_id, project, memory_type, content, marker, houses,
                                                        promoted_by, house, source_conversation, source_seqs,
                                                        promoted_at, relevance_score, expires_at)
                            VALUES (:request, 'atlas', 'decision', 'Deploy on Fridays never', 'never deploy on Friday',
                                    ARRAY['ezra', 'timmy'], 'alice', NULL, :conversation, ARRAY[1, 2, 3]::bigint[],
                                    '2026-01-31T12:00:00.123456Z', 0.75, NULL)
                            RETURNING id
                            """)
                    .bind("request", UUID.randomUUID().toString())
                    .bind("conversation", conversation)
                    .mapTo(Long.class)
                    .one();
            handle.execute(
                    "INSERT INTO project_memory_changes (memory_id, change, reason, changed_by, changed_at)"
                            + " VALUES (?, 'expired', NULL, 'alice', now())",
                    memory);
            handle.execute("""
                    INSERT INTO conversation_summaries (conversation_id, house, summary, method, model, first_seq,
                                                        last_seq, message_count, source_seqs, created_at)
                    VALUES (?, 'ezra', 'They talked about deploys.', 'extractive', NULL, 1, 1200, 1200,
                            ARRAY[1, 1200]::bigint[], now())
                    """, conversation);
        });
    }
}

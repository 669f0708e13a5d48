package dev.uniwizard.mesh.memory.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.memory.chain.ChainVerifier;
import dev.uniwizard.mesh.memory.historian.Historian;
import dev.uniwizard.mesh.memory.historian.HistorianReport;
import dev.uniwizard.mesh.memory.historian.StoredSummary;
import dev.uniwizard.mesh.memory.historian.SummaryStore;
import dev.uniwizard.mesh.memory.historian.TestConversations;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RetentionTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class MessagePrunerTest {

    private static final Instant TEN_DAYS_AGO = Instant.now().minus(10, ChronoUnit.DAYS);

    @Inject
    Historian historian;

    @Inject
    SummaryStore summaries;

    @Inject
    ConversationStore store;

    @Inject
    Jdbi jdbi;

    @Inject
    ChainVerifier verifier;

    @Test
    void deletesOldSummarizedMessagesAndKeepsTheirChainLinksAsTombstones() {
        TestConversations conversations = new TestConversations(store, jdbi);
        // Old and summarized: deleted.
        String old = TestConversations.newId("old");
        List<Long> oldSeqs = conversations.talk(old, "timmy", 4, TEN_DAYS_AGO);
        // Summarized, but said just now: kept.
        String recent = TestConversations.newId("recent");
        List<Long> recentSeqs = conversations.talk(recent, "timmy", 3, Instant.now());
        // Old, but too few messages for a summary: kept.
        String unsummarized = TestConversations.newId("unsummarized");
        List<Long> unsummarizedSeqs = conversations.talk(unsummarized, "timmy", 2, TEN_DAYS_AGO);
        // Half old, half recent, all summarized: only the old half goes.
        String mixed = TestConversations.newId("mixed");
        List<Long> mixedOld = conversations.talk(mixed, "timmy", 2, TEN_DAYS_AGO);
        List<Long> mixedRecent = conversations.talk(mixed, "timmy", 2, Instant.now());
        // Old and summarized, one of them never linked into the chain: that one stays.
        String unchained = TestConversations.newId("unchained");
        List<Long> chained = conversations.talk(unchained, "timmy", 3, TEN_DAYS_AGO);
        long unlinked = insertUnchainedMessage(unchained, TEN_DAYS_AGO);
        for (String id : List.of(old, recent, unsummarized, mixed, unchained)) {
            conversations.makeIdle(id);
        }
        List<Long> doomed = new ArrayList<>(oldSeqs);
        doomed.addAll(mixedOld);
        doomed.addAll(chained);
        Map<Long, Link> linksBefore = links(doomed);

        HistorianReport report = historian.runOnce();

        assertThat(report.failed()).isEmpty();
        assertThat(report.pruneError()).isNull();
        assertThat(report.summarized())
                .extracting(HistorianReport.Summarized::conversationId)
                .contains(old, recent, mixed, unchained)
                .doesNotContain(unsummarized);
        assertThat(report.messagesPruned()).isEqualTo(doomed.size());

        assertThat(remaining(old)).isEmpty();
        assertThat(remaining(recent)).containsExactlyElementsOf(recentSeqs);
        assertThat(remaining(unsummarized)).containsExactlyElementsOf(unsummarizedSeqs);
        assertThat(remaining(mixed)).containsExactlyElementsOf(mixedRecent);
        assertThat(remaining(unchained)).containsExactly(unlinked);

        Map<Long, Tombstone> tombstones = tombstones(doomed);
        assertThat(tombstones.keySet()).containsExactlyInAnyOrderElementsOf(doomed);
        long oldSummary = onlySummary(old).id();
        for (long seq : doomed) {
            Link before = linksBefore.get(seq);
            Tombstone tombstone = tombstones.get(seq);
            assertThat(tombstone.chainSeq()).isEqualTo(before.chainSeq());
            assertThat(tombstone.prevHash()).isEqualTo(before.prevHash());
            assertThat(tombstone.hash()).isEqualTo(before.hash());
            assertThat(tombstone.source()).isEqualTo("messages");
            assertThat(tombstone.reason()).matches("retention: summarized in summary #\\d+, older than 1d");
        }
        for (long seq : oldSeqs) {
            assertThat(tombstones.get(seq).reason())
                    .isEqualTo("retention: summarized in summary #" + oldSummary + ", older than 1d");
        }

        assertThat(prunedThrough(old)).isEqualTo(oldSeqs.getLast());
        assertThat(prunedThrough(mixed)).isEqualTo(mixedOld.getLast());
        assertThat(prunedThrough(recent)).isNull();
        assertThat(prunedThrough(unsummarized)).isNull();
        assertThat(onlySummary(old).sourceSeqs()).containsExactlyElementsOf(oldSeqs);
        assertThat(onlySummary(unchained).sourceSeqs()).contains(unlinked);
        assertTheChainStillLinksUp();
        ChainReport verified = verifier.verify();
        assertThat(verified.firstBreak()).isNull();
        assertThat(verified.prunedLinks()).isGreaterThanOrEqualTo(doomed.size());

        assertThat(historian.runOnce().messagesPruned()).isZero();
    }

    @Test
    void neverDeletesAMessageNoSummaryCovers() {
        TestConversations conversations = new TestConversations(store, jdbi);
        String id = TestConversations.newId("late");
        conversations.talk(id, "timmy", 3, TEN_DAYS_AGO);
        conversations.makeIdle(id);
        historian.runOnce();
        assertThat(remaining(id)).isEmpty();
        long late = conversations.say(id, "assistant", "timmy", "A message that committed late.", TEN_DAYS_AGO);
        // As if it had committed after the summary read the conversation: summarized through it, but not in a summary.
        jdbi.useHandle(h -> h.createUpdate("UPDATE conversations SET summarized_through_seq = :seq WHERE id = :id")
                .bind("seq", late)
                .bind("id", id)
                .execute());

        HistorianReport report = historian.runOnce();

        assertThat(report.pruneError()).isNull();
        assertThat(remaining(id)).containsExactly(late);
    }

    private long insertUnchainedMessage(String conversationId, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO messages (envelope_id, conversation_id, role, house, content, said_at)
                        VALUES (:envelope, :conversation, 'assistant', 'timmy', 'Stored before the chain existed.', :at)
                        RETURNING seq
                        """)
                .bind("envelope", "unchained-" + conversationId)
                .bind("conversation", conversationId)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .mapTo(Long.class)
                .one());
    }

    private StoredSummary onlySummary(String conversationId) {
        List<StoredSummary> all = summaries.summaries(conversationId, 10).orElseThrow();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    private List<Long> remaining(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM messages WHERE conversation_id = :id ORDER BY seq")
                .bind("id", conversationId)
                .mapTo(Long.class)
                .list());
    }

    private Long prunedThrough(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT pruned_through_seq FROM conversations WHERE id = :id")
                .bind("id", conversationId)
                .mapTo(Long.class)
                .one());
    }

    private Map<Long, Link> links(List<Long> seqs) {
        return jdbi.withHandle(h -> h
                .createQuery("SELECT seq, chain_seq, prev_hash, hash FROM messages WHERE seq = ANY (:seqs)")
                .bindArray("seqs", Long.class, seqs)
                .map((rs, ctx) -> new Link(
                        rs.getLong("seq"), rs.getLong("chain_seq"), rs.getBytes("prev_hash"), rs.getBytes("hash")))
                .list()
                .stream()
                .collect(Collectors.toMap(Link::seq, link -> link)));
    }

    private Map<Long, Tombstone> tombstones(List<Long> seqs) {
        List<String> keys = seqs.stream().map(String::valueOf).toList();
        return jdbi.withHandle(h -> h
                .createQuery("""
                        SELECT source_key, source, chain_seq, prev_hash, hash, reason
                          FROM chain_tombstones
                         WHERE source_key = ANY (:keys)
                        """)
                .bindArray("keys", String.class, keys)
                .map((rs, ctx) -> new Tombstone(
                        Long.parseLong(rs.getString("source_key")),
                        rs.getString("source"),
                        rs.getLong("chain_seq"),
                        rs.getBytes("prev_hash"),
                        rs.getBytes("hash"),
                        rs.getString("reason")))
                .list()
                .stream()
                .collect(Collectors.toMap(Tombstone::seq, t -> t)));
    }

    /** Every link, whether its row still exists or is a tombstone, names the hash of the link before it. */
    private void assertTheChainStillLinksUp() {
        List<Link> chain = jdbi.withHandle(h -> h.createQuery("""
                        SELECT chain_seq, prev_hash, hash FROM messages WHERE chain_seq IS NOT NULL
                        UNION ALL SELECT chain_seq, prev_hash, hash FROM conversation_summaries
                                   WHERE chain_seq IS NOT NULL
                        UNION ALL SELECT chain_seq, prev_hash, hash FROM project_memory WHERE chain_seq IS NOT NULL
                        UNION ALL SELECT chain_seq, prev_hash, hash FROM project_memory_changes
                                   WHERE chain_seq IS NOT NULL
                        UNION ALL SELECT chain_seq, prev_hash, hash FROM chain_tombstones
                        ORDER BY chain_seq
                        """)
                .map((rs, ctx) -> new Link(0, rs.getLong("chain_seq"), rs.getBytes("prev_hash"), rs.getBytes("hash")))
                .list());
        assertThat(chain).isNotEmpty();
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).chainSeq()).isEqualTo(chain.get(i - 1).chainSeq() + 1);
            assertThat(chain.get(i).prevHash()).isEqualTo(chain.get(i - 1).hash());
        }
    }

    private record Link(long seq, long chainSeq, byte[] prevHash, byte[] hash) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Link link
                    && seq == link.seq
                    && chainSeq == link.chainSeq
                    && Arrays.equals(prevHash, link.prevHash)
                    && Arrays.equals(hash, link.hash);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(chainSeq);
        }

        @Override
        public String toString() {
            return "Link[" + chainSeq + "]";
        }
    }

    private record Tombstone(long seq, String source, long chainSeq, byte[] prevHash, byte[] hash, String reason) {}
}

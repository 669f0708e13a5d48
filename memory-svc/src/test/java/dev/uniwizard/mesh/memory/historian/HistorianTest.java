package dev.uniwizard.mesh.memory.historian;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.memory.chain.CanonicalRow;
import dev.uniwizard.mesh.memory.chain.ChainHash;
import dev.uniwizard.mesh.memory.chain.ChainSource;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HistorianTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(ScriptedModelResource.class)
class HistorianTest {

    private static final Instant LONG_AGO = Instant.parse("2020-03-01T09:00:00Z");

    @Inject
    Historian historian;

    @Inject
    SummaryStore summaries;

    @Inject
    ConversationStore store;

    @Inject
    Jdbi jdbi;

    ScriptedChatServer model;

    private TestConversations conversations;

    @BeforeEach
    void setUp() {
        conversations = new TestConversations(store, jdbi);
    }

    @Test
    void writesAnExtractiveSummaryWithProvenanceWhenTheHouseHasNoModel() {
        String id = TestConversations.newId("extractive");
        List<Long> seqs = conversations.talk(id, "timmy", 4, Instant.parse("2026-01-31T12:00:00Z"));
        conversations.makeIdle(id);

        HistorianReport report = historian.runOnce();

        assertThat(report.failed()).isEmpty();
        assertThat(report.messagesPruned()).isZero();
        assertThat(report.summarized())
                .filteredOn(s -> s.conversationId().equals(id))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.method()).isEqualTo("extractive");
                    assertThat(s.model()).isNull();
                    assertThat(s.note()).isNull();
                    assertThat(s.messageCount()).isEqualTo(4);
                    assertThat(s.firstSeq()).isEqualTo(seqs.getFirst());
                    assertThat(s.lastSeq()).isEqualTo(seqs.getLast());
                });
        StoredSummary summary = onlySummaryOf(id);
        assertThat(summary.method()).isEqualTo("extractive");
        assertThat(summary.model()).isNull();
        assertThat(summary.house()).isEqualTo("timmy");
        assertThat(summary.firstSeq()).isEqualTo(seqs.getFirst());
        assertThat(summary.lastSeq()).isEqualTo(seqs.getLast());
        assertThat(summary.messageCount()).isEqualTo(4);
        assertThat(summary.sourceSeqs()).containsExactlyElementsOf(seqs);
        assertThat(summary.summary())
                .startsWith("Conversation " + id + ": 4 messages from 2026-01-31T12:00:00Z to 2026-01-31T12:00:00Z,"
                        + " houses: timmy; operators: Alice\n- ")
                .contains("- Alice: Please check the deploy pipeline number")
                .contains("- timmy: The deploy pipeline number");
        assertThat(summary.summary().lines()).hasSize(4);
        assertLinkedIntoTheChain(summary);
        assertThat(summarizedThrough(id)).isEqualTo(seqs.getLast());
        assertThat(messageCount(id)).isEqualTo(4);
    }

    @Test
    void leavesBusyAndShortConversationsAlone() {
        String busy = TestConversations.newId("busy");
        conversations.talk(busy, "timmy", 5, Instant.now());
        String shortOne = TestConversations.newId("short");
        conversations.talk(shortOne, "timmy", 2, LONG_AGO);
        conversations.makeIdle(shortOne);

        HistorianReport report = historian.runOnce();

        assertThat(report.summarized())
                .extracting(HistorianReport.Summarized::conversationId)
                .doesNotContain(busy, shortOne);
        assertThat(summaries.summaries(busy, 10)).hasValue(List.of());
        assertThat(summaries.summaries(shortOne, 10)).hasValue(List.of());
        assertThat(summarizedThrough(busy)).isNull();
        assertThat(summarizedThrough(shortOne)).isNull();
    }

    @Test
    void asksTheHousesModelAndRecordsItsName() {
        String id = TestConversations.newId("model");
        List<Long> seqs = conversations.talk(id, "ezra", 3, Instant.parse("2026-02-01T08:00:00Z"));
        conversations.makeIdle(id);
        int requestsBefore = model.requests().size();
        model.enqueue(request -> {
            String transcript = request.at("/messages/1/content").asText();
            assertThat(transcript)
                    .startsWith("Conversation " + id + ":")
                    .contains("Alice (user): Please check the deploy pipeline number 0 for conversation " + id)
                    .contains("ezra (assistant): The deploy pipeline number 1 is green again after the cache fix.")
                    .contains("Alice (user): Please check the deploy pipeline number 2");
            return text("Alice asked about the deploy pipelines; ezra fixed the cache, all green.");
        });

        HistorianReport report = historian.runOnce();

        assertThat(model.responderFailures()).isEmpty();
        assertThat(model.protocolErrors()).isEmpty();
        assertThat(model.requests()).hasSize(requestsBefore + 1);
        assertThat(model.remainingSteps()).isZero();
        assertThat(report.summarized())
                .filteredOn(s -> s.conversationId().equals(id))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.method()).isEqualTo("model");
                    assertThat(s.model()).isEqualTo(ScriptedModelResource.MODEL_NAME);
                    assertThat(s.note()).isNull();
                });
        StoredSummary summary = onlySummaryOf(id);
        assertThat(summary.method()).isEqualTo("model");
        assertThat(summary.model()).isEqualTo(ScriptedModelResource.MODEL_NAME);
        assertThat(summary.house()).isEqualTo("ezra");
        assertThat(summary.sourceSeqs()).containsExactlyElementsOf(seqs);
        assertThat(summary.summary())
                .isEqualTo("Conversation " + id + ": 3 messages from 2026-02-01T08:00:00Z to 2026-02-01T08:00:00Z,"
                        + " houses: ezra; operators: Alice\n"
                        + "Alice asked about the deploy pipelines; ezra fixed the cache, all green.");
        assertLinkedIntoTheChain(summary);
    }

    @Test
    void fallsBackToAnExtractiveSummaryWhenTheModelFails() {
        String id = TestConversations.newId("model-down");
        conversations.talk(id, "ezra", 3, LONG_AGO);
        conversations.makeIdle(id);
        model.enqueue(status(500, "the GPU caught fire"));

        HistorianReport report = historian.runOnce();

        assertThat(model.remainingSteps()).isZero();
        assertThat(report.summarized())
                .filteredOn(s -> s.conversationId().equals(id))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.method()).isEqualTo("extractive");
                    assertThat(s.model()).isNull();
                    assertThat(s.note())
                            .startsWith("model summary-model of house ezra failed: HTTP 500 from " + model.baseUrl())
                            .contains("the GPU caught fire")
                            .endsWith("; extractive summary instead");
                });
        StoredSummary summary = onlySummaryOf(id);
        assertThat(summary.method()).isEqualTo("extractive");
        assertThat(summary.model()).isNull();
        assertThat(summary.summary()).contains("- ezra: The deploy pipeline number 1 is green again");
    }

    @Test
    void fallsBackWithoutCallingTheModelWhenItsKeyIsNotSet() {
        String id = TestConversations.newId("no-key");
        conversations.talk(id, "bezalel", 3, LONG_AGO);
        conversations.makeIdle(id);
        int requestsBefore = model.requests().size();

        HistorianReport report = historian.runOnce();

        assertThat(model.requests()).hasSize(requestsBefore);
        assertThat(report.summarized())
                .filteredOn(s -> s.conversationId().equals(id))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.method()).isEqualTo("extractive");
                    assertThat(s.note())
                            .contains("the environment variable " + ScriptedModelResource.UNSET_KEY_VARIABLE
                                    + " named by memory.historian.models.bezalel.api-key-env is not set");
                });
    }

    @Test
    void deletesNothingWithoutARetentionSetting() {
        String id = TestConversations.newId("keep");
        List<Long> seqs = conversations.talk(id, "timmy", 4, LONG_AGO);
        conversations.makeIdle(id);

        HistorianReport report = historian.runOnce();

        assertThat(report.summarized())
                .extracting(HistorianReport.Summarized::conversationId)
                .contains(id);
        assertThat(report.messagesPruned()).isZero();
        assertThat(messageCount(id)).isEqualTo(seqs.size());
        long tombstones = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM chain_tombstones")
                .mapTo(Long.class)
                .one());
        assertThat(tombstones).isZero();
        Optional<Long> prunedThrough =
                jdbi.withHandle(h -> h.createQuery("SELECT pruned_through_seq FROM conversations WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .findOne());
        assertThat(prunedThrough).isEmpty();
    }

    @Test
    void twoRunsAtOnceSummarizeAConversationOnce() throws Exception {
        String id = TestConversations.newId("race");
        conversations.talk(id, "ezra", 3, LONG_AGO);
        conversations.makeIdle(id);
        int requestsBefore = model.requests().size();
        // The model takes a while, so the second run comes while the first holds the conversation.
        model.enqueue(text("One summary.").delayed(Duration.ofMillis(1500)));

        List<HistorianReport> reports = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<HistorianReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                            return historian.runOnce();
                        },
                        pool));
            }
            start.countDown();
            for (CompletableFuture<HistorianReport> run : runs) {
                reports.add(run.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reports)
                .flatExtracting(HistorianReport::summarized)
                .filteredOn(s -> s.conversationId().equals(id))
                .singleElement()
                .extracting(HistorianReport.Summarized::method)
                .isEqualTo("model");
        assertThat(reports).flatExtracting(HistorianReport::failed).isEmpty();
        assertThat(model.requests()).hasSize(requestsBefore + 1);
        assertThat(summaries.summaries(id, 10).orElseThrow()).hasSize(1);
    }

    @Test
    void aSummaryEndingAtTheSameMessageIsNeverWrittenTwice() {
        String id = TestConversations.newId("unique");
        conversations.talk(id, "timmy", 3, LONG_AGO);
        conversations.makeIdle(id);
        PendingConversation pending = jdbi.inTransaction(handle ->
                summaries.pending(handle, id, Duration.ofHours(1), 3, 100).orElseThrow());
        historian.runOnce();

        Optional<Long> again =
                jdbi.inTransaction(handle -> summaries.insert(handle, pending, "again", "extractive", null));

        assertThat(again).isEmpty();
        assertThat(summaries.summaries(id, 10).orElseThrow()).hasSize(1);
    }

    @Test
    void newMessagesGetASecondSummaryCoveringOnlyThem() {
        String id = TestConversations.newId("again");
        List<Long> first = conversations.talk(id, "timmy", 3, LONG_AGO);
        conversations.makeIdle(id);
        historian.runOnce();
        List<Long> second = conversations.talk(id, "timmy", 3, LONG_AGO.plusSeconds(3600));
        conversations.makeIdle(id);

        HistorianReport report = historian.runOnce();

        assertThat(report.summarized())
                .filteredOn(s -> s.conversationId().equals(id))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.firstSeq()).isEqualTo(second.getFirst());
                    assertThat(s.lastSeq()).isEqualTo(second.getLast());
                    assertThat(s.messageCount()).isEqualTo(3);
                });
        List<StoredSummary> all = summaries.summaries(id, 10).orElseThrow();
        assertThat(all).hasSize(2);
        StoredSummary newest = all.get(0);
        StoredSummary oldest = all.get(1);
        assertThat(oldest.sourceSeqs()).containsExactlyElementsOf(first);
        assertThat(newest.sourceSeqs()).containsExactlyElementsOf(second);
        assertThat(newest.summary()).startsWith("Conversation " + id + ": 3 messages from 2020-03-01T10:00:00Z");
        assertThat(newest.chainSeq()).isGreaterThan(oldest.chainSeq());
        assertLinkedIntoTheChain(newest);
        assertThat(summarizedThrough(id)).isEqualTo(second.getLast());

        assertThat(historian.runOnce().summarized())
                .extracting(HistorianReport.Summarized::conversationId)
                .doesNotContain(id);
    }

    private StoredSummary onlySummaryOf(String conversationId) {
        List<StoredSummary> all = summaries.summaries(conversationId, 10).orElseThrow();
        assertThat(all).hasSize(1);
        return all.getFirst();
    }

    /** The summary has a chain position and its hash is the hash of its row after the link before it. */
    private void assertLinkedIntoTheChain(StoredSummary summary) {
        assertThat(summary.chainSeq()).isNotNull().isPositive();
        assertThat(summary.hash()).hasSize(64);
        jdbi.useHandle(handle -> {
            ObjectNode row = handle.createQuery("SELECT " + ChainSource.CONVERSATION_SUMMARIES.columns()
                            + " FROM conversation_summaries WHERE id = :id")
                    .bind("id", summary.id())
                    .map((rs, ctx) -> CanonicalRow.read(rs))
                    .one();
            byte[] prevHash = handle.createQuery("SELECT prev_hash FROM conversation_summaries WHERE id = :id")
                    .bind("id", summary.id())
                    .mapTo(byte[].class)
                    .one();
            assertThat(ChainHash.hex(
                            ChainHash.link(prevHash, ChainSource.CONVERSATION_SUMMARIES, summary.chainSeq(), row)))
                    .isEqualTo(summary.hash());
        });
    }

    private Long summarizedThrough(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT summarized_through_seq FROM conversations WHERE id = :id")
                .bind("id", conversationId)
                .mapTo(Long.class)
                .one());
    }

    private long messageCount(String conversationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM messages WHERE conversation_id = :id")
                .bind("id", conversationId)
                .mapTo(Long.class)
                .one());
    }
}

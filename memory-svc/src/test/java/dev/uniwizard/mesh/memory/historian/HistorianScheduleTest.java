package dev.uniwizard.mesh.memory.historian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.memory.store.ConversationStore;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HistorianScheduleTest.EverySecond.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class HistorianScheduleTest {

    @Inject
    SummaryStore summaries;

    @Inject
    ConversationStore store;

    @Inject
    Jdbi jdbi;

    @Test
    void theScheduledRunSummarizesIdleConversations() {
        TestConversations conversations = new TestConversations(store, jdbi);
        String id = TestConversations.newId("scheduled");
        List<Long> seqs = conversations.talk(id, "timmy", 3, Instant.parse("2026-01-31T12:00:00Z"));
        conversations.makeIdle(id);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !summaries.summaries(id, 10).orElseThrow().isEmpty());

        List<StoredSummary> all = summaries.summaries(id, 10).orElseThrow();
        assertThat(all).hasSize(1);
        assertThat(all.getFirst().sourceSeqs()).containsExactlyElementsOf(seqs);
        assertThat(all.getFirst().method()).isEqualTo("extractive");
    }

    /** The historian scheduled every second. */
    public static class EverySecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "memory.historian.enabled", "true",
                    "memory.historian.every", "1s",
                    "memory.historian.idle-after", "1h",
                    "memory.historian.min-messages", "3");
        }
    }
}

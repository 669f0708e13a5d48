package dev.uniwizard.mesh.memory.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.MemorySearchHit;
import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.MemorySearchResult;
import dev.uniwizard.mesh.memory.validation.SearchRules;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Search stays fast over 100,000 messages: matched through the GIN index, snippets only for the hits answered. The
 * messages live in one transaction that is rolled back at the end, so no other test (nor the chain linker) sees them.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
class SearchScaleTest {

    private static final int MESSAGES = 100_000;
    private static final Duration FAST = Duration.ofSeconds(2);

    @Inject
    Jdbi jdbi;

    @Inject
    SearchStore store;

    @Inject
    SearchRules rules;

    @Test
    void searchesOver100kMessagesUseTheIndexAndHighlightOnlyTheHitsAnswered() {
        jdbi.useHandle(handle -> {
            handle.begin();
            try {
                fill(handle);
                checkPlan(handle);
                checkSearches(handle);
            } finally {
                handle.rollback();
            }
        });
    }

    private void checkPlan(Handle handle) {
        MemorySearchRequest common = rules.withDefaults(MemorySearchRequest.of("failed tests"));

        List<String> plan = handle.createQuery("EXPLAIN (VERBOSE) " + SearchSql.statement(common))
                .bind("q", common.query())
                .bind("options", SearchSql.HEADLINE_OPTIONS)
                .bind("limit", common.limit())
                .mapTo(String.class)
                .list();

        assertThat(plan).anyMatch(line -> line.contains("Bitmap Index Scan on messages_search"));
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on messages"));
        int limit = indexOf(plan, "->  Limit");
        assertThat(limit).as("a Limit in %s", plan).isPositive();
        assertThat(plan.subList(0, limit)).anyMatch(line -> line.contains("ts_headline"));
        assertThat(plan.subList(limit, plan.size())).noneMatch(line -> line.contains("ts_headline"));
    }

    private void checkSearches(Handle handle) {
        MemorySearchResult rare = timed(handle, MemorySearchRequest.of("flux capacitor"));
        MemorySearchResult common = timed(handle, MemorySearchRequest.of("failed tests"));
        MemorySearchResult filtered = timed(
                handle, new MemorySearchRequest("gateway", "messages", "ezra", "scale-41", null, null, null, 100));

        assertThat(rare.hits()).hasSize(MESSAGES / 20_000);
        assertThat(rare.hits()).allSatisfy(hit -> assertThat(hit.snippet()).contains("«flux» «capacitor»"));
        assertThat(common.hits()).hasSize(20);
        assertThat(common.hits()).allSatisfy(hit -> assertThat(hit.snippet()).contains("«failing» «test»"));
        assertThat(filtered.hits()).isNotEmpty().allSatisfy(hit -> {
            assertThat(hit.house()).isEqualTo("ezra");
            assertThat(hit.conversationId()).isEqualTo("scale-41");
        });
        assertThat(filtered.hits()).extracting(MemorySearchHit::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    private MemorySearchResult timed(Handle handle, MemorySearchRequest request) {
        MemorySearchRequest filled = rules.withDefaults(request);
        store.search(handle, filled); // warm the caches once, as a running service has them
        long start = System.nanoTime();
        MemorySearchResult result = store.search(handle, filled);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took)
                .as("search for '%s' over %d messages", request.query(), MESSAGES)
                .isLessThan(FAST);
        return result;
    }

    private static void fill(Handle handle) {
        handle.execute("INSERT INTO conversations (id) SELECT 'scale-' || g FROM generate_series(1, 500) g");
        handle.execute("""
                INSERT INTO messages (envelope_id, conversation_id, role, house, content, said_at)
                SELECT 'scale-' || g, 'scale-' || (g % 500 + 1), 'user', (ARRAY['ezra','timmy','bezalel'])[g % 3 + 1],
                       'message ' || g || ' about ' || (ARRAY['deploying the gateway', 'a failing test in memory',
                           'postgres vacuum settings', 'the router origin policy', 'nats jetstream consumers',
                           'quarkus configuration mapping', 'weather today is fine', 'lunch menu and coffee'])[g % 8 + 1]
                       || CASE WHEN g % 20000 = 7 THEN ' and the flux capacitor exploded' ELSE '' END
                       || ' with filler to make it longer ' || md5(g::text),
                       now() - g * interval '1 minute'
                  FROM generate_series(1, ?) g
                """, MESSAGES);
        handle.execute("ANALYZE messages");
    }

    private static int indexOf(List<String> plan, String node) {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).contains(node)) {
                return i;
            }
        }
        return -1;
    }
}

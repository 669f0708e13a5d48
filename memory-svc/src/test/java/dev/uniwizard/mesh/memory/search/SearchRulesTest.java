package dev.uniwizard.mesh.memory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.SearchRules;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SearchRulesTest {

    private final SearchRules rules = new SearchRules(50, 20, 100);

    @Test
    void anyTextIsAQuery() {
        for (String query : new String[] {
            "failed deploy",
            "数据库 错误",
            "ошибка базы",
            "خطأ في قاعدة البيانات",
            "σφάλμα",
            "🚀🔥",
            "' OR 1=1 --",
            "a & | ! :* (",
            "'",
            "\"",
            "-",
            "the of and"
        }) {
            assertThat(rules.check(MemorySearchRequest.of(query))).as(query).isEmpty();
        }
    }

    @Test
    void theQueryIsRequiredAndLimited() {
        assertThat(rules.check(MemorySearchRequest.of(null)))
                .contains(Problem.badRequest("query is required: the words to look for"));
        assertThat(rules.check(MemorySearchRequest.of("  \n")))
                .contains(Problem.badRequest("query is required: the words to look for"));
        assertThat(rules.check(MemorySearchRequest.of("q".repeat(50)))).isEmpty();
        assertThat(rules.check(MemorySearchRequest.of("q".repeat(51))))
                .contains(Problem.tooLarge("query is 51 characters long, at most 50 are allowed"));
    }

    @Test
    void aNulCharacterIsRefusedWithTheReason() {
        assertThat(rules.check(MemorySearchRequest.of("bad\u0000query")))
                .contains(Problem.badRequest("query contains a NUL character (\\u0000) at position 3; PostgreSQL"
                        + " cannot store or search it, remove it"));
    }

    @Test
    void scopeLimitAndPeriodAreChecked() {
        assertThat(rules.check(request("memory", null, null, null, null, 100))).isEmpty();
        assertThat(rules.check(request("everything", null, null, null, null, null)))
                .contains(
                        Problem.badRequest("scope must be one of all, messages, memory, summaries; got 'everything'"));
        assertThat(rules.check(request(null, null, null, null, null, 0)))
                .contains(Problem.badRequest("limit must be between 1 and 100, got 0"));
        assertThat(rules.check(request(null, null, null, null, null, 101)))
                .contains(Problem.badRequest("limit must be between 1 and 100, got 101"));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(rules.check(request(null, null, null, t, t, null)))
                .contains(Problem.badRequest("from (2026-01-01T00:00:00Z) must be before to (2026-01-01T00:00:00Z)"));
        assertThat(rules.check(request(null, null, null, t, t.plusSeconds(1), null)))
                .isEmpty();
    }

    @Test
    void filtersAreChecked() {
        assertThat(rules.check(request(null, "Ezra", null, null, null, null)))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("house 'Ezra' is not a house name"));
        assertThat(rules.check(new MemorySearchRequest("q", null, null, "c".repeat(129), null, null, null, null)))
                .contains(Problem.badRequest("conversationId is 129 characters long, at most 128 are allowed"));
        assertThat(rules.check(request(null, null, "not a project", null, null, null)))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("is not a project key"));
    }

    @Test
    void aProjectFiltersProjectMemoryOnly() {
        assertThat(rules.check(request("all", null, "org/repo", null, null, null)))
                .isEmpty();
        assertThat(rules.check(request("memory", null, "org/repo", null, null, null)))
                .isEmpty();
        assertThat(rules.check(request("messages", null, "org/repo", null, null, null)))
                .hasValueSatisfying(p -> assertThat(p.message())
                        .startsWith("project filters project memory only, so it cannot be used with scope"
                                + " 'messages'"));
    }

    @Test
    void defaultsAreFilledIn() {
        MemorySearchRequest filled =
                rules.withDefaults(new MemorySearchRequest("q", null, null, null, null, null, null, null));

        assertThat(filled.scope()).isEqualTo("all");
        assertThat(filled.limit()).isEqualTo(20);
        assertThat(rules.withDefaults(request("memory", null, null, null, null, 7))
                        .limit())
                .isEqualTo(7);
    }

    @Test
    void aDefaultAboveTheMaximumIsAConfigurationError() {
        assertThatThrownBy(() -> new SearchRules(10, 200, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory.search.default-limit (200)");
    }

    private static MemorySearchRequest request(
            String scope, String house, String project, Instant from, Instant to, Integer limit) {
        return new MemorySearchRequest("q", scope, house, null, project, from, to, limit);
    }
}

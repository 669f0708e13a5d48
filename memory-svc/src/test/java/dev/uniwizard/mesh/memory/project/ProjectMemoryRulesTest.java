package dev.uniwizard.mesh.memory.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.ExpireRequest;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.memory.validation.Problem;
import dev.uniwizard.mesh.memory.validation.ProjectMemoryRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectMemoryRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final ProjectMemoryRules rules = new ProjectMemoryRules(100, 40, 12, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCompletePromotionPasses() {
        assertThat(rules.check(promote("org/repo", "decision", "Use Jdbi."), true))
                .isEmpty();
        assertThat(rules.check(
                        new PromoteRequest(
                                "r-1",
                                "uni-wizard_mesh.v2",
                                "architecture",
                                "c".repeat(100),
                                "  a marker\n on two lines ",
                                List.of("ezra", "timmy"),
                                "conv-1",
                                List.of(1L, 2L),
                                1.0,
                                NOW.plusSeconds(1)),
                        true))
                .isEmpty();
    }

    @Test
    void projectKeysAreLikeRepositories() {
        assertThat(ProjectMemoryRules.projectKey("org/repo")).isEmpty();
        assertThat(ProjectMemoryRules.projectKey("A.b_c-d/e")).isEmpty();
        assertThat(ProjectMemoryRules.projectKey("p".repeat(200))).isEmpty();
        assertThat(ProjectMemoryRules.projectKey(null))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("project is required"));
        assertThat(ProjectMemoryRules.projectKey("p".repeat(201))).hasValueSatisfying(p -> assertThat(p.message())
                .isEqualTo("project is 201 characters long, at most" + " 200 are allowed"));
        for (String bad : List.of("/repo", "-x", "org repo", "org/répo", "a;drop", "x\u0000")) {
            assertThat(ProjectMemoryRules.projectKey(bad)).as(bad).hasValueSatisfying(p -> assertThat(p.message())
                    .contains("is not a project key"));
        }
    }

    @Test
    void memoryTypesAreListedWhenOneIsWrong() {
        assertThat(rules.check(promote("p", "fact", "x"), true))
                .contains(Problem.badRequest(
                        "memoryType must be one of decision, pattern, correction, architecture; got 'fact'"));
        assertThat(rules.check(promote("p", null, "x"), true))
                .hasValueSatisfying(p -> assertThat(p.message()).endsWith("got nothing"));
        assertThat(rules.check(new ProjectMemoryListRequest("p", "fact", null, false, null)))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("memoryType must be one of"));
        assertThat(rules.check(new ProjectMemoryListRequest("p", null, null, false, null)))
                .isEmpty();
    }

    @Test
    void contentIsRequiredAndLimitedInSize() {
        assertThat(rules.check(promote("p", "decision", "  "), true))
                .contains(Problem.badRequest("content is required: the knowledge to keep"));
        assertThat(rules.check(promote("p", "decision", "c".repeat(101)), true))
                .contains(Problem.tooLarge(
                        "content is 101 characters long, at most 100 are stored" + " (memory.max-content-chars)"));
        assertThat(rules.check(promote("p", "decision", "nul\u0000here"), true))
                .hasValueSatisfying(p -> assertThat(p.message())
                        .isEqualTo("content contains a NUL character (\\u0000) at position 3; PostgreSQL cannot"
                                + " store or search it, remove it"));
    }

    @Test
    void aGivenMarkerMustFitOnOneLine() {
        assertThat(rules.check(withMarker("m".repeat(40)), true)).isEmpty();
        assertThat(rules.check(withMarker("  " + "m".repeat(20) + "\n\n   " + "m".repeat(19)), true))
                .isEmpty();
        assertThat(rules.check(withMarker("m".repeat(41)), true)).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo(Problem.TOO_LARGE);
            assertThat(p.message()).startsWith("marker is 41 characters long on one line, at most 40");
        });
    }

    @Test
    void requestIdIsRequiredOnlyWhereTheCallerMustNameIt() {
        PromoteRequest anonymous =
                new PromoteRequest(null, "p", "decision", "x", null, List.of(), null, List.of(), null, null);

        assertThat(rules.check(anonymous, true))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("requestId is required"));
        assertThat(rules.check(anonymous, false)).isEmpty();
        assertThat(rules.check(
                        new PromoteRequest(
                                "r".repeat(129), "p", "decision", "x", null, List.of(), null, List.of(), null, null),
                        true))
                .contains(Problem.badRequest("requestId is 129 characters long, at most 128 are allowed"));
    }

    @Test
    void housesAreHouseNames() {
        assertThat(rules.check(withHouses(List.of("ezra", "Ezra")), true))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("houses[1] 'Ezra' is not a house name"));
        assertThat(rules.check(withHouses(Collections.nCopies(33, "ezra")), true))
                .contains(Problem.badRequest("houses has 33 entries, at most 32 are allowed"));
    }

    @Test
    void scoresSourcesAndExpiryAreChecked() {
        assertThat(rules.check(full(1.5, List.of(), null), true))
                .contains(Problem.badRequest("relevanceScore must be between 0 and 1, got 1.5"));
        assertThat(rules.check(full(Double.NaN, List.of(), null), true)).isPresent();
        assertThat(rules.check(full(0.0, List.of(), null), true)).isEmpty();
        List<Long> tooMany = new ArrayList<>(Collections.nCopies(1001, 7L));
        assertThat(rules.check(full(null, tooMany, null), true))
                .contains(Problem.tooLarge("sourceSeqs has 1001 entries, at most 1000 are kept"));
        assertThat(rules.check(full(null, List.of(3L, 0L), null), true))
                .contains(Problem.badRequest("sourceSeqs[1] must be a message's seq (a positive number), got 0"));
        assertThat(rules.check(full(null, List.of(), NOW), true))
                .contains(Problem.badRequest(
                        "expiresAt (2026-03-01T12:00:00Z) must be in the future; leave it out for never"));
    }

    @Test
    void listExpireAndMarkersRequestsAreChecked() {
        assertThat(rules.check(new ProjectMemoryListRequest("p", null, "ezra", true, 1000)))
                .isEmpty();
        assertThat(rules.check(new ProjectMemoryListRequest("p", null, null, false, 1001)))
                .contains(Problem.badRequest("limit must be between 1 and 1000, got 1001"));
        assertThat(rules.check(new ProjectMemoryListRequest(null, null, null, false, null)))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("project is required"));
        assertThat(rules.check(new ExpireRequest(0, "x")))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("id is required"));
        assertThat(rules.check(new ExpireRequest(3, "r".repeat(1001))))
                .contains(Problem.tooLarge("reason is 1001 characters long, at most 1000 are allowed"));
        assertThat(rules.check(new ExpireRequest(3, null))).isEmpty();
        assertThat(rules.check(new MarkersRequest("p", "ezra", 100))).isEmpty();
        assertThat(rules.check(new MarkersRequest("p", "ezra", 101)))
                .contains(Problem.badRequest("limit must be between 1 and 100, got 101"));
        assertThat(rules.check(new MarkersRequest("p", "mesh.>", null)))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("house 'mesh.>' is not a house name"));
    }

    @Test
    void aPromotionGetsItsMarkerAndDefaults() {
        Promotion promotion = Promotion.of(
                new PromoteRequest(
                        "r-1",
                        "p",
                        "decision",
                        "Memory lives in PostgreSQL because files were lost twice. More detail follows.",
                        null,
                        List.of("ezra", "ezra", "timmy"),
                        null,
                        List.of(),
                        null,
                        null),
                Requester.node("ezra-1", NodeRole.HOUSE, null),
                rules.maxMarkerChars());

        assertThat(promotion.marker()).isEqualTo("Memory lives in PostgreSQL because...");
        assertThat(promotion.houses()).containsExactly("ezra", "timmy");
        assertThat(promotion.relevanceScore()).isEqualTo(0.5);
        assertThat(promotion.promotedBy()).isEqualTo("ezra-1");
        assertThat(promotion.house()).isEqualTo("ezra");
        assertThat(Promotion.of(withMarker("  given \n marker "), Requester.operator("op"), 40)
                        .marker())
                .isEqualTo("given marker");
    }

    private static PromoteRequest promote(String project, String type, String content) {
        return new PromoteRequest("r-1", project, type, content, null, List.of(), null, List.of(), null, null);
    }

    private static PromoteRequest withMarker(String marker) {
        return new PromoteRequest("r-1", "p", "decision", "content", marker, List.of(), null, List.of(), null, null);
    }

    private static PromoteRequest withHouses(List<String> houses) {
        return new PromoteRequest("r-1", "p", "decision", "content", null, houses, null, List.of(), null, null);
    }

    private static PromoteRequest full(Double score, List<Long> seqs, Instant expiresAt) {
        return new PromoteRequest("r-1", "p", "decision", "content", null, List.of(), null, seqs, score, expiresAt);
    }
}

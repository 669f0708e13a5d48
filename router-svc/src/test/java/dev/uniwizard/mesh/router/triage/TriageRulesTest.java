package dev.uniwizard.mesh.router.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.router.config.RouterConfig;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageRulesTest {

    private static final HouseSelector HOUSES = new HouseSelector(List.of("timmy", "ezra", "bezalel"), "timmy");

    private final TriageRules rules = TriageRulesProducer.compile(
            triage(
                    Optional.empty(),
                    rule(
                            "docs",
                            "ezra",
                            List.of("documentation"),
                            List.of("docs/**", "*.md"),
                            List.of("readme"),
                            null,
                            List.of("docs")),
                    rule(
                            "code",
                            "bezalel",
                            List.of("bug"),
                            List.of(),
                            List.of("crash", "failing test"),
                            null,
                            List.of()),
                    rule(
                            "releases",
                            "timmy",
                            List.of(),
                            List.of("release/**"),
                            List.of(),
                            List.of("push"),
                            List.of("release"))),
            HOUSES);

    @Test
    void theFirstMatchingRuleWinsAndSaysWhy() {
        GiteaEventPayload both = issue("Crash in the README", "", List.of("bug", "Documentation"));

        assertThat(rules.decide(both))
                .isEqualTo(new TriageDecision("ezra", List.of("docs"), "rule docs: label Documentation"));
        assertThat(rules.decide(issue("It crashes", "a failing test, see log", List.of())))
                .isEqualTo(new TriageDecision("bezalel", List.of(), "rule code: keyword 'failing test'"));
        assertThat(rules.decide(issue("Hello", "please fix the readme", List.of()))
                        .reason())
                .isEqualTo("rule docs: keyword 'readme'");
    }

    @Test
    void criteriaAreCheckedLabelsThenPathsThenKeywords() {
        GiteaEventPayload pull = new GiteaEventPayload(
                "pull_request",
                "opened",
                "d",
                "acme/app",
                3L,
                "Fix the readme",
                "",
                List.of(),
                List.of("src/App.java", "docs/guide/setup.md"),
                "alice",
                null,
                "fix",
                Instant.now());

        assertThat(rules.decide(pull).reason()).isEqualTo("rule docs: path docs/guide/setup.md matches docs/**");
        assertThat(rules.needPaths("pull_request")).isTrue();
        assertThat(rules.needPaths("issue_comment")).isFalse();
    }

    @Test
    void nothingMatchingGoesToTheDefaultHouse() {
        assertThat(rules.decide(issue("Question", "what is this?", List.of())))
                .isEqualTo(new TriageDecision("timmy", List.of(), "default house"));
        assertThat(rules.firstMatch(issue("Question", "what is this?", List.of())))
                .isEmpty();
    }

    @Test
    void rulesApplyOnlyToTheirEvents() {
        GiteaEventPayload push = new GiteaEventPayload(
                "push",
                null,
                "d",
                "acme/app",
                null,
                "Cut 1.2",
                null,
                List.of(),
                List.of("release/1.2.md"),
                "alice",
                null,
                "refs/heads/main",
                Instant.now());
        GiteaEventPayload otherPush = push.withPaths(List.of("src/App.java"));

        assertThat(rules.firstMatch(push))
                .hasValue(new TriageDecision(
                        "timmy", List.of("release"), "rule releases: path release/1.2.md matches release/**"));
        assertThat(rules.firstMatch(otherPush))
                .as("docs matches *.md only for issues and pull requests")
                .isEmpty();
        assertThat(rules.knownLabels()).containsExactly("documentation", "docs", "bug", "release");
    }

    @Test
    void aRuleWithoutCriteriaMatchesEveryEventOfItsKinds() {
        TriageRules catchAll = TriageRulesProducer.compile(
                triage(Optional.of("Ezra"), rule("all", "bezalel", List.of(), List.of(), List.of(), null, List.of())),
                HOUSES);

        assertThat(catchAll.decide(issue("x", "y", List.of())).reason()).isEqualTo("rule all: every issues event");
        assertThat(catchAll.defaultHouse()).isEqualTo("ezra");
    }

    @Test
    void badRulesStopTheRouterWithTheReason() {
        assertThatThrownBy(() -> TriageRulesProducer.compile(
                        triage(
                                Optional.empty(),
                                rule("x", "gandalf", List.of(), List.of(), List.of(), null, List.of())),
                        HOUSES))
                .hasMessage("router.triage.rules[0] (x): house 'gandalf' is not one of router.houses"
                        + " [timmy, ezra, bezalel]");
        assertThatThrownBy(() -> TriageRulesProducer.compile(
                        triage(
                                Optional.empty(),
                                rule("x", "ezra", List.of(), List.of(), List.of(), List.of("release"), List.of())),
                        HOUSES))
                .hasMessage("router.triage.rules[0] (x): event 'release' is not one of"
                        + " [issues, issue_comment, pull_request, push]");
        assertThatThrownBy(() -> TriageRulesProducer.compile(
                        triage(Optional.empty(), rule(" ", "ezra", List.of(), List.of(), List.of(), null, List.of())),
                        HOUSES))
                .hasMessageContaining("router.triage.rules[0].name is blank");
        assertThatThrownBy(() -> TriageRulesProducer.compile(triage(Optional.of("nobody")), HOUSES))
                .hasMessageContaining("router.triage.default-house 'nobody' is not one of router.houses");
    }

    static GiteaEventPayload issue(String title, String body, List<String> labels) {
        return new GiteaEventPayload(
                "issues",
                "opened",
                "d-1",
                "acme/app",
                7L,
                title,
                body,
                labels,
                List.of(),
                "alice",
                "http://gitea/acme/app/issues/7",
                null,
                Instant.now());
    }

    static RouterConfig.Triage triage(Optional<String> defaultHouse, RouterConfig.Rule... rules) {
        return new TestTriage(defaultHouse, Optional.of(List.of(rules)), new TestModel(Optional.empty()));
    }

    static RouterConfig.Rule rule(
            String name,
            String house,
            List<String> labels,
            List<String> paths,
            List<String> keywords,
            List<String> events,
            List<String> addLabels) {
        return new TestRule(
                name,
                house,
                Optional.of(labels),
                Optional.of(paths),
                Optional.of(keywords),
                events == null ? List.of("issues", "pull_request") : events,
                Optional.of(addLabels));
    }

    record TestTriage(Optional<String> defaultHouse, Optional<List<RouterConfig.Rule>> rules, RouterConfig.Model model)
            implements RouterConfig.Triage {}

    record TestRule(
            String name,
            String house,
            Optional<List<String>> labels,
            Optional<List<String>> paths,
            Optional<List<String>> keywords,
            List<String> events,
            Optional<List<String>> addLabels)
            implements RouterConfig.Rule {}

    record TestModel(Optional<String> baseUrl, Optional<String> name, Optional<String> apiKey, Duration timeout)
            implements RouterConfig.Model {

        TestModel(Optional<String> baseUrl) {
            this(baseUrl, Optional.of("triage-1b"), Optional.empty(), Duration.ofSeconds(5));
        }
    }
}

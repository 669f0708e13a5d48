package dev.uniwizard.mesh.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.testkit.platforms.FakeGiteaApi;
import dev.uniwizard.mesh.testkit.platforms.RecordedRequest;
import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaApiTest {

    private static final String REPO = "mesh/wizard";

    private FakeGiteaApi gitea;
    private GiteaApi api;
    private GiteaRepo repo;

    @BeforeEach
    void start() throws Exception {
        gitea = new FakeGiteaApi().createRepo(REPO);
        api = new GiteaApi(gitea.url() + "/", FakeGiteaApi.TOKEN, Duration.ofSeconds(5));
        repo = GiteaRepo.parse(REPO);
    }

    @AfterEach
    void stop() {
        gitea.close();
    }

    @Test
    void listsIssuesWithoutPullRequests() throws Exception {
        long bug = gitea.addIssue(REPO, "Broken build", "CI is red", "alice", "bug", "ci");
        gitea.addIssue(REPO, "Write the guide", "", "bob");
        gitea.addPull(REPO, "Fix CI", "", "carol", "fix", "main", List.of("ci.yml"));
        gitea.assign(REPO, bug, "ezra");

        List<GiteaApi.Issue> issues = api.listIssues(repo, "open", 20, Optional.empty());

        assertThat(issues).extracting(GiteaApi.Issue::title).containsExactly("Write the guide", "Broken build");
        GiteaApi.Issue first = issues.get(1);
        assertThat(first.number()).isEqualTo(bug);
        assertThat(first.user()).isEqualTo("alice");
        assertThat(first.labels()).containsExactly("bug", "ci");
        assertThat(first.assignees()).containsExactly("ezra");
        assertThat(first.htmlUrl()).isEqualTo(gitea.url() + "/mesh/wizard/issues/" + bug);
        RecordedRequest request = gitea.requests().getFirst();
        assertThat(request.path()).isEqualTo("/api/v1/repos/mesh/wizard/issues");
        assertThat(request.query()).isEqualTo("state=open&type=issues&limit=20&page=1");
        assertThat(request.header("Authorization")).isEqualTo("token " + FakeGiteaApi.TOKEN);
    }

    @Test
    void filtersIssuesByLabels() throws Exception {
        gitea.addIssue(REPO, "One", "", "alice", "bug", "help wanted");
        gitea.addIssue(REPO, "Two", "", "alice", "bug");

        List<GiteaApi.Issue> issues = api.listIssues(repo, "all", 5, Optional.of("bug,help wanted"));

        assertThat(issues).extracting(GiteaApi.Issue::title).containsExactly("One");
        assertThat(gitea.requests().getFirst().query())
                .isEqualTo("state=all&type=issues&limit=5&page=1&labels=bug%2Chelp+wanted");
    }

    @Test
    void readsOneIssue() throws Exception {
        long number = gitea.addIssue(REPO, "Broken build", "", "alice", "bug");

        GiteaApi.Issue issue = api.issue(repo, number);

        assertThat(issue.title()).isEqualTo("Broken build");
        assertThat(issue.state()).isEqualTo("open");
        assertThat(issue.labels()).containsExactly("bug");
        assertThat(issue.assignees()).isEmpty();
    }

    @Test
    void commentsAndReadsCommentsBack() throws Exception {
        long number = gitea.addIssue(REPO, "Question", "", "alice");
        gitea.addComment(REPO, number, "alice", "any news?");

        GiteaApi.Created created = api.comment(repo, number, "Fixed in **abc1234**.");
        List<GiteaApi.Comment> comments = api.comments(repo, number);

        assertThat(created.htmlUrl())
                .isEqualTo(gitea.url() + "/mesh/wizard/issues/" + number + "#issuecomment-" + created.id());
        assertThat(comments)
                .containsExactly(
                        new GiteaApi.Comment(comments.getFirst().id(), "alice", "any news?"),
                        new GiteaApi.Comment(created.id(), "mesh-bot", "Fixed in **abc1234**."));
        assertThat(gitea.issue(REPO, number).comments()).hasSize(2);
    }

    @Test
    void opensAPullRequest() throws Exception {
        GiteaApi.Created pull = api.createPull(repo, "Add notes", "feature/notes", "main", "why");

        assertThat(pull.htmlUrl()).isEqualTo(gitea.url() + "/mesh/wizard/pulls/" + pull.id());
        assertThat(gitea.issue(REPO, pull.id()).pull()).isTrue();
        assertThat(gitea.requests().getFirst().json().get("head").asText()).isEqualTo("feature/notes");
    }

    @Test
    void addsExistingAndNewLabelsReadingEveryPage() throws Exception {
        gitea.maxPageSize(2);
        for (String name : List.of("a", "b", "c", "d", "Bug")) {
            gitea.addLabel(REPO, name);
        }
        long number = gitea.addIssue(REPO, "Broken", "", "alice", "a");

        api.addLabels(repo, number, List.of("bug", "triage/needs-house", " ", "a"));

        assertThat(gitea.issue(REPO, number).labels()).containsExactly("a", "Bug", "triage/needs-house");
        assertThat(gitea.requests("GET", ".*/labels")).hasSize(3);
        List<RecordedRequest> created = gitea.requests("POST", "/api/v1/repos/mesh/wizard/labels");
        assertThat(created).singleElement().satisfies(request -> {
            assertThat(request.json().get("name").asText()).isEqualTo("triage/needs-house");
            assertThat(request.json().get("color").asText()).isEqualTo(GiteaApi.NEW_LABEL_COLOR);
        });
        assertThat(gitea.requests("POST", ".*/issues/\\d+/labels")
                        .getFirst()
                        .json()
                        .get("labels")
                        .get(0)
                        .isNumber())
                .isTrue();
    }

    @Test
    void noLabelsMakeNoCall() throws Exception {
        api.addLabels(repo, 1, List.of(" "));

        assertThat(gitea.requests()).isEmpty();
    }

    @Test
    void addsAssigneesKeepingTheCurrentOnes() throws Exception {
        long number = gitea.addIssue(REPO, "Broken", "", "alice");
        gitea.assign(REPO, number, "timmy");

        api.addAssignees(repo, number, List.of("ezra", "timmy"));
        api.addAssignees(repo, number, List.of("ezra"));

        assertThat(gitea.issue(REPO, number).assignees()).containsExactly("timmy", "ezra");
        assertThat(gitea.requests("PATCH", ".*")).singleElement().satisfies(request -> assertThat(
                        request.json().get("assignees").toString())
                .isEqualTo("[\"timmy\",\"ezra\"]"));
    }

    @Test
    void listsEveryChangedFileOfAPullRequest() throws Exception {
        gitea.maxPageSize(2);
        long pull = gitea.addPull(
                REPO, "Docs", "", "alice", "docs", "main", List.of("README.md", "docs/a.md", "docs/b.md"));

        assertThat(api.pullRequestFiles(repo, pull)).containsExactly("README.md", "docs/a.md", "docs/b.md");
        assertThat(gitea.requests("GET", ".*/files")).hasSize(2);
    }

    @Test
    void refusedTokenIsPermanentAndCarriesGiteasMessage() {
        GiteaApi wrong = new GiteaApi(gitea.url(), "wrong", Duration.ofSeconds(5));

        assertThatThrownBy(() -> wrong.listIssues(repo, "open", 5, Optional.empty()))
                .isInstanceOfSatisfying(GiteaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage())
                            .contains(
                                    "Gitea refused the token (HTTP 401): token is required", "repository mesh/wizard");
                });
    }

    @Test
    void missingRepositoryOrIssueIsNotFound() {
        assertThatThrownBy(() -> api.comment(repo, 404, "hello")).isInstanceOfSatisfying(GiteaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("not found: issue #404 of mesh/wizard");
        });
    }

    @Test
    void rejectedRequestShowsGiteasMessage() {
        assertThatThrownBy(() -> api.createPull(repo, "t".repeat(300), "feature", "main", ""))
                .isInstanceOfSatisfying(GiteaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("Gitea rejected the request (HTTP 422): [Title]: MaxSize");
                });
    }

    @Test
    void serverErrorsAndRateLimitsAreTransient() {
        gitea.failNext(r -> true, 1, Answer.json(500, "{\"message\":\"database is locked\"}"));
        gitea.failNext(r -> true, 1, Answer.json(429, "{\"message\":\"slow down\"}"));

        assertThatThrownBy(() -> api.issue(repo, 1)).isInstanceOfSatisfying(GiteaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 500: database is locked");
        });
        assertThatThrownBy(() -> api.issue(repo, 1)).isInstanceOfSatisfying(GiteaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.isTransient()).isTrue();
        });
    }

    @Test
    void unreachableGiteaIsTransient() {
        gitea.close();

        assertThatThrownBy(() -> api.issue(repo, 1)).isInstanceOfSatisfying(GiteaApiException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("cannot connect");
        });
    }

    @Test
    void badConfigurationIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new GiteaApi("ftp://gitea", "t", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ftp://gitea' is not an http(s) URL with a host");
        assertThatThrownBy(() -> new GiteaApi("not a url", "t", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URL");
        assertThatThrownBy(() -> new GiteaApi(" ", "t", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base URL is blank");
        assertThatThrownBy(() -> new GiteaApi("https://gitea.example.org", " ", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("access token is blank");
    }

    @Test
    void repositoryNamesAreStrict() throws Exception {
        assertThat(GiteaRepo.parse(" mesh/wizard ")).isEqualTo(new GiteaRepo("mesh", "wizard"));
        for (String bad : List.of("../etc", "mesh", "a/b/c", "mesh/..", "me sh/x")) {
            assertThatThrownBy(() -> GiteaRepo.parse(bad))
                    .isInstanceOf(GiteaApiException.class)
                    .hasMessageContaining("is not a repository: write it as owner/name");
        }
    }
}

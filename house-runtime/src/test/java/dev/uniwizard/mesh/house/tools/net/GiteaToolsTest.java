package dev.uniwizard.mesh.house.tools.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteaToolsTest {

    private FakeGitea gitea;

    @BeforeEach
    void start() throws Exception {
        gitea = new FakeGitea();
    }

    @AfterEach
    void stop() {
        gitea.close();
    }

    @Test
    void listsIssuesOneLineEach() {
        ToolResult result = new GiteaListIssuesTool(client(FakeGitea.TOKEN)).execute(call("gitea_list_issues"));

        assertThat(result.ok()).as(result.text()).isTrue();
        assertThat(result.text()).isEqualTo("""
                        2 open issues in mesh/wizard:
                        #12 Broken build [bug, ci] (alice, 2024-05-01T10:00:00Z)
                        #9 Write the guide (bob, 2024-04-02T08:30:00Z)""");
        assertThat(gitea.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/api/v1/repos/mesh/wizard/issues");
            assertThat(request.query()).isEqualTo("state=open&type=issues&limit=20&page=1");
            assertThat(request.authorization()).isEqualTo("token " + FakeGitea.TOKEN);
        });
    }

    @Test
    void passesStateLimitLabelsAndRepository() {
        new GiteaListIssuesTool(client(FakeGitea.TOKEN))
                .execute(call(
                        "gitea_list_issues",
                        "repo",
                        "mesh/wizard",
                        "state",
                        "Closed",
                        "limit",
                        "5",
                        "labels",
                        "bug, help wanted"));

        assertThat(gitea.received().getFirst().query())
                .isEqualTo("state=closed&type=issues&limit=5&page=1&labels=bug%2Chelp+wanted");
    }

    @Test
    void badArgumentsAreRefusedWithoutACall() {
        GiteaListIssuesTool tool = new GiteaListIssuesTool(client(FakeGitea.TOKEN));

        assertThat(tool.execute(call("gitea_list_issues", "state", "merged")).text())
                .contains("state must be open, closed or all, got 'merged'");
        assertThat(tool.execute(call("gitea_list_issues", "limit", "51")).text())
                .contains("limit must be between 1 and 50, got 51");
        assertThat(tool.execute(call("gitea_list_issues", "repo", "../etc")).text())
                .contains("'../etc' is not a repository: write it as owner/name");
        assertThat(gitea.received()).isEmpty();
    }

    @Test
    void refusedTokenIsSaid() {
        ToolResult result = new GiteaListIssuesTool(client("wrong")).execute(call("gitea_list_issues"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text())
                .contains("Gitea refused the token (HTTP 401): token is required", "house.gitea.token");
    }

    @Test
    void unknownRepositoryIsNotFound() {
        ToolResult result = new GiteaListIssuesTool(client(FakeGitea.TOKEN))
                .execute(call("gitea_list_issues", "repo", "mesh/nothing"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("repository or issue not found: repository mesh/nothing");
    }

    @Test
    void serverErrorIsWorthARetry() {
        GiteaListIssuesTool tool = new GiteaListIssuesTool(client(FakeGitea.TOKEN));

        assertThatThrownBy(() -> tool.execute(call("gitea_list_issues", "repo", "mesh/broken")))
                .isInstanceOf(TransientToolException.class)
                .hasMessageContaining("HTTP 500: database is locked");
    }

    @Test
    void unreachableGiteaIsWorthARetry() {
        GiteaClient client = client(FakeGitea.TOKEN);
        gitea.close();

        assertThatThrownBy(() -> new GiteaListIssuesTool(client).execute(call("gitea_list_issues")))
                .isInstanceOf(TransientToolException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void commentsOnAnIssueAndReturnsItsUrl() throws Exception {
        GiteaCommentTool tool = new GiteaCommentTool(client(FakeGitea.TOKEN));

        ToolResult result = tool.execute(call("gitea_comment", "issue", "7", "body", "Fixed in **abc1234**."));

        assertThat(result.ok()).as(result.text()).isTrue();
        assertThat(result.text())
                .isEqualTo("commented on mesh/wizard#7: " + gitea.baseUrl() + "/mesh/wizard/issues/7#issuecomment-99");
        TestHttpServer.Received request = gitea.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/repos/mesh/wizard/issues/7/comments");
        assertThat(json(request.body()).get("body").asText()).isEqualTo("Fixed in **abc1234**.");
        assertThat(tool.readOnly()).isFalse();
        assertThat(tool.target(call("gitea_comment", "issue", "7", "body", "x")))
                .contains("mesh/wizard");
    }

    @Test
    void commentOnAMissingIssueIsNotFound() {
        ToolResult result = new GiteaCommentTool(client(FakeGitea.TOKEN))
                .execute(call("gitea_comment", "issue", "404", "body", "hello"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("repository or issue not found: issue #404 of mesh/wizard");
    }

    @Test
    void commentNeedsAPositiveIssueAndABody() {
        GiteaCommentTool tool = new GiteaCommentTool(client(FakeGitea.TOKEN));

        assertThat(tool.execute(call("gitea_comment", "issue", "0", "body", "x"))
                        .text())
                .contains("issue must be a positive issue number, got 0");
        assertThat(tool.execute(call("gitea_comment", "issue", "7", "body", " "))
                        .text())
                .contains("the comment body is empty");
        assertThat(gitea.received()).isEmpty();
    }

    @Test
    void opensAPullRequestIntoMainByDefault() throws Exception {
        GiteaCreatePrTool tool = new GiteaCreatePrTool(client(FakeGitea.TOKEN));

        ToolResult result = tool.execute(call("gitea_create_pr", "title", "Add notes", "head", "feature/notes"));

        assertThat(result.ok()).as(result.text()).isTrue();
        assertThat(result.text())
                .isEqualTo("opened pull request #13 in mesh/wizard (feature/notes -> main): " + gitea.baseUrl()
                        + "/mesh/wizard/pulls/13");
        TestHttpServer.Received request = gitea.received().getFirst();
        assertThat(request.path()).isEqualTo("/api/v1/repos/mesh/wizard/pulls");
        JsonNode body = json(request.body());
        assertThat(body.get("title").asText()).isEqualTo("Add notes");
        assertThat(body.get("head").asText()).isEqualTo("feature/notes");
        assertThat(body.get("base").asText()).isEqualTo("main");
        assertThat(body.get("body").asText()).isEmpty();
    }

    @Test
    void rejectedPullRequestShowsGiteasMessage() {
        ToolResult result = new GiteaCreatePrTool(client(FakeGitea.TOKEN))
                .execute(call("gitea_create_pr", "title", "t".repeat(300), "head", "feature", "base", "develop"));

        assertThat(result.ok()).isFalse();
        assertThat(result.text()).contains("Gitea rejected the request (HTTP 422): [Title]: MaxSize");
    }

    @Test
    void pullRequestNeedsTwoBranches() {
        ToolResult result = new GiteaCreatePrTool(client(FakeGitea.TOKEN))
                .execute(call("gitea_create_pr", "title", "t", "head", "main"));

        assertThat(result.text()).contains("head and base are both 'main'");
        assertThat(gitea.received()).isEmpty();
    }

    @Test
    void missingConfigurationNamesThePropertyToSet() {
        GiteaClient noUrl = new GiteaClient(HouseConfigs.of(Map.of("house.gitea.token", "t")));
        GiteaClient noToken = new GiteaClient(HouseConfigs.of(Map.of("house.gitea.base-url", gitea.baseUrl())));
        GiteaClient noRepo = new GiteaClient(
                HouseConfigs.of(Map.of("house.gitea.base-url", gitea.baseUrl(), "house.gitea.token", "t")));

        assertThat(new GiteaListIssuesTool(noUrl)
                        .execute(call("gitea_list_issues", "repo", "a/b"))
                        .text())
                .contains("Gitea is not configured: set house.gitea.base-url");
        assertThat(new GiteaCommentTool(noToken)
                        .execute(call("gitea_comment", "repo", "a/b", "issue", "1", "body", "x"))
                        .text())
                .contains("Gitea is not configured: set house.gitea.token");
        assertThat(new GiteaCreatePrTool(noRepo)
                        .execute(call("gitea_create_pr", "title", "t", "head", "h"))
                        .text())
                .contains("repo=owner/name or set house.gitea.default-repo");
        assertThat(gitea.received()).isEmpty();
    }

    private GiteaClient client(String token) {
        Map<String, String> properties = new HashMap<>();
        properties.put("house.gitea.base-url", gitea.baseUrl() + "/");
        properties.put("house.gitea.token", token);
        properties.put("house.gitea.default-repo", "mesh/wizard");
        properties.put("house.gitea.timeout", "5s");
        return new GiteaClient(HouseConfigs.of(properties));
    }

    private static ToolCall call(String tool, String... keyValues) {
        Map<String, String> arguments = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            arguments.put(keyValues[i], keyValues[i + 1]);
        }
        return new ToolCall(tool, arguments);
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}

package dev.uniwizard.mesh.gateway.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GiteaEventParserTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final GiteaEventParser parser = new GiteaEventParser(16000);

    @Test
    void readsAnOpenedIssue() throws Exception {
        GiteaEventPayload event = parser.parse("issues", "d-1", GiteaFixtures.read("issues-opened.json"), NOW);

        assertThat(event)
                .isEqualTo(new GiteaEventPayload(
                        "issues",
                        "opened",
                        "d-1",
                        "acme/app",
                        12L,
                        "Docs are stale",
                        "The install guide still says Java 17.\n\nSee docs/install.md.",
                        java.util.List.of("docs", "good first issue"),
                        java.util.List.of(),
                        "alice",
                        "https://gitea.example.org/acme/app/issues/12",
                        null,
                        NOW));
    }

    @Test
    void readsACommentWithTheCommentsBodyAndUrl() throws Exception {
        GiteaEventPayload event = parser.parse("issue_comment", "d-2", GiteaFixtures.read("issue-comment.json"), NOW);

        assertThat(event.action()).isEqualTo("created");
        assertThat(event.number()).isEqualTo(12L);
        assertThat(event.title()).isEqualTo("Docs are stale");
        assertThat(event.body()).isEqualTo("@ezra can you take this one?");
        assertThat(event.sender()).isEqualTo("bob");
        assertThat(event.labels()).containsExactly("docs");
        assertThat(event.url()).isEqualTo("https://gitea.example.org/acme/app/issues/12#issuecomment-551");
    }

    @Test
    void readsAPullRequestWithItsHeadBranch() throws Exception {
        GiteaEventPayload event =
                parser.parse("pull_request", "d-3", GiteaFixtures.read("pull-request-opened.json"), NOW);

        assertThat(event.number()).isEqualTo(13L);
        assertThat(event.title()).isEqualTo("Install guide for Java 21");
        assertThat(event.body()).isEqualTo("Fixes #12");
        assertThat(event.ref()).isEqualTo("docs/java21");
        assertThat(event.url()).isEqualTo("https://gitea.example.org/acme/app/pulls/13");
        assertThat(event.paths()).isEmpty();
    }

    @Test
    void readsAPushWithEveryTouchedPathOnce() throws Exception {
        GiteaEventPayload event = parser.parse("push", "d-4", GiteaFixtures.read("push.json"), NOW);

        assertThat(event.action()).isNull();
        assertThat(event.number()).isNull();
        assertThat(event.ref()).isEqualTo("refs/heads/main");
        assertThat(event.title()).isEqualTo("Update the install guide for Java 21");
        assertThat(event.paths())
                .containsExactly("docs/guide/install.md", "README.md", "docs/install.md", "src/main/java/App.java");
        assertThat(event.sender()).isEqualTo("bob");
        assertThat(event.url()).startsWith("https://gitea.example.org/acme/app/compare/");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> parse("issues", "{not json"))
                .isInstanceOf(GiteaPayloadException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("issues", "[]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("issues", "{\"action\":\"opened\",\"sender\":{\"login\":\"a\"}}"))
                .hasMessageContaining("no repository.full_name");
        assertThatThrownBy(() ->
                        parse("issues", "{\"repository\":{\"full_name\":\"acme/app\"},\"sender\":{\"login\":\"a\"}}"))
                .hasMessageContaining("no issue object");
        assertThatThrownBy(() ->
                        parse("push", "{\"repository\":{\"full_name\":\"acme/app\"},\"sender\":{\"login\":\"a\"}}"))
                .hasMessageContaining("push webhook has no ref");
        assertThatThrownBy(() -> parse("push", "{\"ref\":\"x\",\"repository\":{\"full_name\":\"acme/app\"}}"))
                .hasMessageContaining("no sender.login");
        assertThatThrownBy(() -> parse(
                        "push", "{\"ref\":\"x\",\"repository\":{\"full_name\":\"../x\"},\"sender\":{\"login\":\"a\"}}"))
                .hasMessageContaining("is not a repository");
    }

    @Test
    void cutsLongTexts() throws Exception {
        GiteaEventParser short10 = new GiteaEventParser(10);

        GiteaEventPayload event = short10.parse("issues", "d-5", GiteaFixtures.read("issues-opened.json"), NOW);

        assertThat(event.body()).startsWith("The instal\n[cut by the gateway at 10 characters]");
    }

    @Test
    void conversationIdsFollowTheMeshRules() throws Exception {
        GiteaEventPayload issue = parser.parse("issues", "d-1", GiteaFixtures.read("issues-opened.json"), NOW);
        GiteaEventPayload push = parser.parse("push", "d-4", GiteaFixtures.read("push.json"), NOW);
        String longName = "o".repeat(100) + "/" + "r".repeat(100);
        GiteaEventPayload longOne = new GiteaEventPayload(
                "issues", "opened", "d", longName, 123456L, "t", null, null, null, "a", null, null, NOW);

        assertThat(GiteaConversations.of(issue)).isEqualTo("gitea:acme:app:12");
        assertThat(GiteaConversations.of(push)).isEqualTo("gitea:acme:app:push");
        assertThat(GiteaConversations.of(longOne))
                .hasSizeLessThanOrEqualTo(128)
                .matches("[A-Za-z0-9._:-]+")
                .endsWith(":123456");
    }

    private GiteaEventPayload parse(String event, String body) throws GiteaPayloadException {
        return parser.parse(event, "d", body.getBytes(StandardCharsets.UTF_8), NOW);
    }
}

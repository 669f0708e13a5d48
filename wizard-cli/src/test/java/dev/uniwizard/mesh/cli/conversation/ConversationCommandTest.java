package dev.uniwizard.mesh.cli.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationCommandTest {

    private ScriptedHttpServer gateway;

    @BeforeEach
    void start() throws Exception {
        gateway = new ScriptedHttpServer();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void printsTheMessagesInOrder() {
        gateway.answer("/api/v1/conversations/c-1", 200, """
                {"conversationId":"c-1","messages":[
                  {"seq":1,"role":"user","house":"ezra","content":"/tool echo hi","at":"2025-01-01T00:00:00Z"},
                  {"seq":2,"role":"assistant","house":"ezra","content":"hi\\nthere","at":"2025-01-01T00:00:01Z"}
                ]}""");

        CliRun run = CliRun.wizard("conversation", "c-1", "--gateway", gateway.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList())
                .containsExactly(
                        "conversation: c-1 (2 messages)",
                        "#1 user [ezra]: /tool echo hi",
                        "#2 assistant [ezra]: hi",
                        "    there");
        assertThat(gateway.onlyRequest().method()).isEqualTo("GET");
    }

    @Test
    void idIsSentAsOnePathSegment() {
        gateway.answer("/api/v1/conversations/a%2Fb%20c", 200, "{\"conversationId\":\"a/b c\",\"messages\":[]}");

        CliRun run = CliRun.wizard("conversation", "a/b c", "--gateway", gateway.url());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("conversation: a/b c (0 messages)");
    }

    @Test
    void unknownConversationExitsWith2() {
        gateway.answer("/api/v1/conversations/c-404", 404, """
                {"error":"not_found","message":"no conversation c-404"}""");

        CliRun run = CliRun.wizard("conversation", "c-404", "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("conversation c-404 not found", "not_found: no conversation c-404");
    }

    @Test
    void unreachableGatewayExitsWith2() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("conversation", "c-1", "--gateway", url);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("gateway not reachable at " + url);
    }
}

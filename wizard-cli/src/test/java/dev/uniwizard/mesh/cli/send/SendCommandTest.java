package dev.uniwizard.mesh.cli.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.cli.testing.CliRun;
import dev.uniwizard.mesh.cli.testing.ScriptedHttpServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SendCommandTest {

    private static final String MESSAGES = "/api/v1/messages";

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
    void okReplyIsPrintedWithItsConversation() throws Exception {
        gateway.answer(MESSAGES, 200, """
                {"id":"m-2","status":"ok","house":"ezra","conversationId":"c-1","text":"pong","extra":[1]}""");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "--house", "ezra", "/tool", "echo", "ping");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .isEqualTo("[ezra] pong" + System.lineSeparator() + "conversation: c-1" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
        ScriptedHttpServer.Request request = gateway.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo(MESSAGES);
        assertThat(request.contentType()).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("house").asText()).isEqualTo("ezra");
        assertThat(body.get("text").asText()).isEqualTo("/tool echo ping");
        assertThat(body.has("conversationId")).as("absent fields are left out").isFalse();
    }

    @Test
    void conversationIsSentAndHouseIsOptional() throws Exception {
        gateway.answer(MESSAGES, 200, """
                {"status":"ok","house":"timmy","conversationId":"c-7","text":"again"}""");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url() + "/", "--conversation", "c-7", "hello");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("[timmy] again", "conversation: c-7");
        JsonNode body = new ObjectMapper().readTree(gateway.onlyRequest().body());
        assertThat(body.get("conversationId").asText()).isEqualTo("c-7");
        assertThat(body.has("house")).isFalse();
        assertThat(gateway.onlyRequest().path()).isEqualTo(MESSAGES);
    }

    @Test
    void errorStatusReplyExitsWith3() {
        gateway.answer(MESSAGES, 200, """
                {"status":"error","house":"ezra","conversationId":"c-2","text":"tool failed","errorCode":"TOOL_FAILED"}""");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "--house", "ezra", "/tool", "broken");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("[ezra] tool failed", "conversation: c-2");
        assertThat(run.err()).contains("error: ezra replied with an error (TOOL_FAILED)");
    }

    @Test
    void acceptedButPendingExitsWith4AndSaysHowToFetchTheReply() {
        gateway.answer(MESSAGES, 202, """
                {"id":"m-9","conversationId":"c-9","status":"pending"}""");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "--house", "bezalel", "slow", "question");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out())
                .contains("pending")
                .contains("conversation: c-9")
                .contains("./wizard conversation c-9")
                .contains("GET " + gateway.url() + "/api/v1/conversations/c-9");
    }

    @Test
    void anInterimNoticeOfTheHouseIsShownWithThePendingReply() {
        gateway.answer(MESSAGES, 202, """
                {"id":"m-7","conversationId":"c-7","house":"timmy","status":"pending",\
                "text":"Waiting for approval a-1: approve with `wizard approvals approve a-1`"}""");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "--house", "timmy", "write", "it");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out())
                .contains("timmy (pending): Waiting for approval a-1: approve with `wizard approvals approve a-1`")
                .contains("./wizard conversation c-7");
    }

    @Test
    void badRequestPrintsTheServersErrorAndExitsWith2() {
        gateway.answer(MESSAGES, 400, """
                {"error":"invalid_house","message":"house 'nobody' is not known"}""");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "--house", "nobody", "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HTTP 400", "invalid_house: house 'nobody' is not known");
        assertThat(run.out()).isEmpty();
        assertThat(run.hasNoStackTrace()).as(run.err()).isTrue();
    }

    @Test
    void serverErrorWithoutJsonPrintsTheRawBody() {
        gateway.answer(MESSAGES, 503, "router unavailable");

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HTTP 503", "router unavailable");
    }

    @Test
    void unreachableGatewaySuggestsStartingTheMesh() throws Exception {
        String url = "http://127.0.0.1:" + ScriptedHttpServer.unusedPort();

        CliRun run = CliRun.wizard("send", "--gateway", url, "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error: gateway not reachable at " + url + ": is the mesh running? try ./mesh up"
                        + System.lineSeparator());
    }

    @Test
    void slowGatewayTimesOut() {
        gateway.answer(MESSAGES, 200, "{\"status\":\"ok\",\"text\":\"late\"}", Duration.ofSeconds(5));

        CliRun run = CliRun.wizard("send", "--gateway", gateway.url(), "--timeout", "1", "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("did not answer within 1 s");
    }

    @Test
    void invalidInputIsRejectedBeforeAnyRequest() {
        CliRun badUrl = CliRun.wizard("send", "--gateway", "localhost:8080", "hi");
        CliRun badHouse = CliRun.wizard("send", "--gateway", gateway.url(), "--house", "Ezra!", "hi");
        CliRun noText = CliRun.wizard("send", "--gateway", gateway.url());

        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).contains("gateway URL 'localhost:8080' is not valid");
        assertThat(badHouse.exitCode()).isEqualTo(2);
        assertThat(badHouse.err()).contains("house 'Ezra!' is not valid");
        assertThat(noText.exitCode()).isEqualTo(2);
        assertThat(noText.err()).contains("<text>");
        assertThat(gateway.requests()).isEmpty();
    }
}

package dev.uniwizard.mesh.gateway.openai;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.streams.StreamProvisioner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.replies.ReplyWaiters;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(OpenAiTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
class ChatCompletionsResourceTest {

    static final String PATH = "/v1/chat/completions";

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    JetStreamManagement jsm;

    @Inject
    Subjects subjects;

    @Inject
    MeshStreams streams;

    @Inject
    MeterRegistry registry;

    @Inject
    ReplyWaiters waiters;

    private HouseStandIn house;

    @AfterEach
    void stopAnswering() {
        if (house != null) {
            house.close();
        }
    }

    @Test
    void answersWithTheHousesReplyAsAChatCompletion() {
        double repliedBefore = requests("replied");
        answerWith(message -> List.of(ReplyPayload.ok("bezalel", "hello from bezalel")));

        ExtractableResponse<Response> response = asAlice()
                .body("""
                        {"model": "bezalel", "temperature": 0.2, "max_tokens": 50, "user": "u1",
                         "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}],
                         "messages": [{"role": "system", "content": "be brief"},
                                      {"role": "user", "content": "hi bezalel"}]}""")
                .post(PATH)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header(ChatCompletionsResource.REPLY_STATUS_HEADER, "ok")
                .body("object", equalTo("chat.completion"))
                .body("model", equalTo("bezalel"))
                .body("choices[0].index", equalTo(0))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].message.content", equalTo("hello from bezalel"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(0))
                .body("usage.completion_tokens", equalTo(0))
                .body("usage.total_tokens", equalTo(0))
                .extract();

        Envelope message = house.received().getFirst();
        assertThat(response.path("id").toString()).isEqualTo("chatcmpl-" + message.id());
        assertThat(((Number) response.path("created")).longValue())
                .isEqualTo(message.ts().getEpochSecond());
        assertThat(message.house()).isEqualTo("bezalel");
        assertThat(message.sender().platform()).isEqualTo("openai");
        assertThat(message.sender().userId()).isEqualTo("alice");
        assertThat(message.conversationId()).startsWith("openai:");
        assertThat(response.header(ChatCompletionsResource.CONVERSATION_RESPONSE_HEADER))
                .isEqualTo(message.conversationId());
        MessagePayload payload = HouseStandIn.payload(message);
        assertThat(payload.text()).isEqualTo("hi bezalel");
        assertThat(payload.operator()).isEqualTo("alice");
        assertThat(payload.homeHouse()).isEqualTo("ezra");
        assertThat(requests("replied")).isEqualTo(repliedBefore + 1);
        assertThat(waiters.size()).isZero();
    }

    @Test
    void acceptsATokenConfiguredAsItsSha256AndJoinsTextParts() {
        answerWith(message -> List.of(ReplyPayload.ok("timmy", "ok")));

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + OpenAiTestProfile.BOB_TOKEN)
                .body("""
                        {"model": "Timmy", "messages": [{"role": "user", "content": [
                          {"type": "text", "text": "first part"}, {"type": "text", "text": "second part"}]}]}""")
                .post(PATH)
                .then()
                .statusCode(200)
                .body("model", equalTo("timmy"));

        Envelope message = house.received().getFirst();
        assertThat(message.sender().userId()).isEqualTo("bob");
        assertThat(HouseStandIn.payload(message).text()).isEqualTo("first part\nsecond part");
        assertThat(HouseStandIn.payload(message).homeHouse()).isEqualTo("timmy");
    }

    @Test
    void passesAHouseErrorOnAsTheAnswerWithItsStatusInAHeader() {
        answerWith(message -> List.of(ReplyPayload.error("ezra", "tool_failed", "the tool failed: disk full")));

        asAlice()
                .body(chat("ezra", "write it"))
                .post(PATH)
                .then()
                .statusCode(200)
                .header(ChatCompletionsResource.REPLY_STATUS_HEADER, "error")
                .header(ChatCompletionsResource.ERROR_CODE_HEADER, "tool_failed")
                .body("choices[0].message.content", equalTo("the tool failed: disk full"))
                .body("choices[0].finish_reason", equalTo("stop"));
    }

    @Test
    void waitsPastAnInterimNoticeForTheAnswer() {
        answerWith(message ->
                List.of(ReplyPayload.pending("ezra", "Waiting for approval 0193"), ReplyPayload.ok("ezra", "written")));

        asAlice()
                .header(ChatCompletionsResource.WAIT_HEADER, "10")
                .body(chat("ezra", "/mode sovereign write it"))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("choices[0].message.content", equalTo("written"));
        assertThat(waiters.size()).isZero();
    }

    @Test
    void answers504WithTheConversationWhenNoAnswerComesInTime() {
        double timeoutsBefore = requests("timeout");
        answerWith(message -> List.of(ReplyPayload.pending("ezra", "Waiting for approval 0194")));

        ExtractableResponse<Response> response = asAlice()
                .header(ChatCompletionsResource.WAIT_HEADER, "1")
                .body(chat("ezra", "/mode sovereign delete it"))
                .post(PATH)
                .then()
                .statusCode(504)
                .header("x-should-retry", "false")
                .body("error.type", equalTo("server_error"))
                .body("error.code", equalTo("timeout"))
                .body("error.message", containsString("within 1 s"))
                .body("error.message", containsString("Waiting for approval 0194"))
                .extract();

        String conversationId = house.received().getFirst().conversationId();
        assertThat(response.path("error.message").toString()).contains("conversation " + conversationId);
        assertThat(response.header(ChatCompletionsResource.CONVERSATION_RESPONSE_HEADER))
                .isEqualTo(conversationId);
        assertThat(requests("timeout")).isEqualTo(timeoutsBefore + 1);
        assertThat(waiters.size()).isZero();
    }

    @Test
    void keepsOneConversationWhileTheClientResendsTheGrowingHistory() {
        answerWith(message -> List.of(ReplyPayload.ok("ezra", "answer")));

        asAlice().body(chat("ezra", "plan the release")).post(PATH).then().statusCode(200);
        asAlice().body("""
                        {"model": "ezra", "messages": [
                          {"role": "user", "content": "plan the release"},
                          {"role": "assistant", "content": "answer"},
                          {"role": "user", "content": "and the changelog?"}]}""").post(PATH).then().statusCode(200);
        asAlice().body(chat("ezra", "another chat")).post(PATH).then().statusCode(200);

        List<Envelope> received = house.received();
        assertThat(received).hasSize(3);
        assertThat(received.get(1).conversationId())
                .isEqualTo(received.get(0).conversationId())
                .isEqualTo(ConversationIds.derive("alice", "ezra", "plan the release"))
                .matches("openai:[0-9a-f]{16}");
        assertThat(HouseStandIn.payload(received.get(1)).text()).isEqualTo("and the changelog?");
        assertThat(received.get(2).conversationId())
                .isNotEqualTo(received.get(0).conversationId());
    }

    @Test
    void continuesTheConversationTheClientNames() {
        answerWith(message -> List.of(ReplyPayload.ok("ezra", "answer")));

        asAlice()
                .header(ChatCompletionsResource.CONVERSATION_HEADER, "project-x")
                .body(chat("ezra", "hi"))
                .post(PATH)
                .then()
                .statusCode(200)
                .header(ChatCompletionsResource.CONVERSATION_RESPONSE_HEADER, "project-x");

        assertThat(house.received().getFirst().conversationId()).isEqualTo("project-x");
    }

    @Test
    void refusesAMissingOrWrongTokenAndPublishesNothing() {
        double before = requests("unauthorized");
        answerWith(message -> List.of(ReplyPayload.ok("ezra", "should not happen")));

        given().contentType(ContentType.JSON)
                .body(chat("ezra", "hi"))
                .post(PATH)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.param", nullValue())
                .body("error.message", containsString("Authorization: Bearer"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer not-the-right-token-at-all")
                .body(chat("ezra", "hi"))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.message", containsString("Incorrect API key"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Basic " + OpenAiTestProfile.ALICE_TOKEN)
                .body(chat("ezra", "hi"))
                .post(PATH)
                .then()
                .statusCode(401);

        assertThat(house.received()).isEmpty();
        assertThat(requests("unauthorized")).isEqualTo(before + 3);
    }

    @Test
    void refusesAnUnknownModelListingTheHouses() {
        assertRefused(
                404,
                chat("gpt-4o", "hi"),
                "model_not_found",
                "model",
                "The model 'gpt-4o' does not exist here: the models are the mesh's houses, timmy, ezra, bezalel.");
    }

    @Test
    void refusesBodiesThatAreNotChatRequestsNamingTheParameter() {
        assertRefused(400, "{\"model\": \"ezra\", \"messages\": [", "invalid_json", null, "not valid JSON");
        assertRefused(400, "", "invalid_json", null, "JSON body");
        assertRefused(400, "[1, 2]", "invalid_json", null, "JSON object");
        assertRefused(400, "{\"model\": \"ezra\"}", "missing_required_parameter", "messages", "'messages' is required");
        assertRefused(400, "{\"model\": \"ezra\", \"messages\": []}", "invalid_value", "messages", "empty");
        assertRefused(
                400, "{\"model\": \"ezra\", \"messages\": \"hi\"}", "invalid_type", "messages", "must be an array");
        assertRefused(
                400,
                "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                "missing_required_parameter",
                "model",
                "'model' is required");
        assertRefused(
                400,
                "{\"model\": \"ezra\", \"messages\": [{\"role\": \"system\", \"content\": \"be brief\"}]}",
                "invalid_value",
                "messages",
                "no message with role 'user'");
        assertRefused(
                400,
                "{\"model\": \"ezra\", \"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}",
                "invalid_value",
                "messages[0].role",
                "'wizard'");
        assertRefused(
                400,
                "{\"model\": \"ezra\", \"messages\": [{\"role\": \"user\", \"content\": 42}]}",
                "invalid_type",
                "messages[0].content",
                "must be a string or an array of text parts");
        assertRefused(
                400,
                "{\"model\": \"ezra\", \"stream\": \"yes\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
                "invalid_type",
                "stream",
                "true or false");
    }

    @Test
    void refusesImagesNamingThePart() {
        assertRefused(400, """
                {"model": "ezra", "messages": [{"role": "user", "content": [
                  {"type": "text", "text": "what is this?"},
                  {"type": "image_url", "image_url": {"url": "https://example.org/cat.png"}}]}]}""", "unsupported_content", "messages[0].content[1]", "images are not supported");
    }

    @Test
    void refusesATooLongMessage() {
        assertRefused(
                400,
                chat("ezra", "x".repeat(16_001)),
                "string_above_max_length",
                "messages[0].content",
                "at most 16000");
    }

    @Test
    void refusesBadHeadersNamingThem() {
        answerWith(message -> List.of());
        asAlice()
                .header(ChatCompletionsResource.CONVERSATION_HEADER, "not a valid id")
                .body(chat("ezra", "hi"))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("X-Conversation-Id"))
                .body("error.message", containsString("not a valid id"));
        asAlice()
                .header(ChatCompletionsResource.WAIT_HEADER, "121")
                .body(chat("ezra", "hi"))
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error.param", equalTo("X-Mesh-Wait"))
                .body("error.message", containsString("0 to 120"));
        assertThat(house.received()).isEmpty();
    }

    @Test
    void refusesAnOperatorBeyondTheRateLimit() {
        answerWith(message -> List.of());
        int refusedAt = -1;
        for (int i = 0; i <= OpenAiTestProfile.RATE_LIMIT && refusedAt < 0; i++) {
            int status = given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer " + OpenAiTestProfile.DAVE_TOKEN)
                    .header(ChatCompletionsResource.WAIT_HEADER, "0")
                    .body(chat("ezra", "message " + i))
                    .post(PATH)
                    .statusCode();
            if (status == 429) {
                refusedAt = i;
            } else {
                assertThat(status).isEqualTo(504);
            }
        }
        assertThat(refusedAt).isEqualTo(OpenAiTestProfile.RATE_LIMIT);
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + OpenAiTestProfile.DAVE_TOKEN)
                .body(chat("ezra", "one more"))
                .post(PATH)
                .then()
                .statusCode(429)
                .body("error.code", equalTo("rate_limit_exceeded"))
                .body("error.message", containsString("faster than " + OpenAiTestProfile.RATE_LIMIT));
        await().atMost(Duration.ofSeconds(5)).until(() -> house.receivedSoFar().size() == OpenAiTestProfile.RATE_LIMIT);
        assertThat(house.received()).hasSize(OpenAiTestProfile.RATE_LIMIT);
    }

    @Test
    void answers503WhenTheMeshCannotTakeTheMessage() throws Exception {
        double before = requests("unavailable");
        jsm.deleteStream(streams.inbound());
        try {
            asAlice()
                    .body(chat("ezra", "hello"))
                    .post(PATH)
                    .then()
                    .statusCode(503)
                    .body("error.type", equalTo("server_error"))
                    .body("error.code", equalTo("mesh_unavailable"))
                    .body("error.message", containsString(subjects.in("openai")));
        } finally {
            new StreamProvisioner(jsm).provision(streams.definitions());
        }
        assertThat(waiters.size()).isZero();
        assertThat(requests("unavailable")).isEqualTo(before + 1);
    }

    @Test
    void listsTheHousesAsModels() {
        asAlice()
                .get("/v1/models")
                .then()
                .statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", equalTo(List.of("timmy", "ezra", "bezalel")))
                .body("data[1].object", equalTo("model"))
                .body("data[1].owned_by", equalTo("uni-wizard-mesh"))
                .body("data[1].created", equalTo(0));
        asAlice().get("/v1/models/ezra").then().statusCode(200).body("id", equalTo("ezra"));
        asAlice().get("/v1/models/gandalf").then().statusCode(404).body("error.code", equalTo("model_not_found"));
        given().get("/v1/models").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    private void assertRefused(int status, String body, String code, String param, String mentioned) {
        answerWith(message -> List.of(ReplyPayload.ok("ezra", "should not happen")));
        double before = requests("rejected");
        asAlice()
                .body(body)
                .post(PATH)
                .then()
                .statusCode(status)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo(code))
                .body("error.param", equalTo(param))
                .body("error.message", containsString(mentioned));
        assertThat(requests("rejected")).isEqualTo(before + 1);
        assertThat(house.received()).isEmpty();
    }

    static String chat(String model, String text) {
        return "{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}";
    }

    private static RequestSpecification asAlice() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + OpenAiTestProfile.ALICE_TOKEN);
    }

    private void answerWith(Function<Envelope, List<ReplyPayload>> answer) {
        if (house != null) {
            house.close();
        }
        house = new HouseStandIn(connection, jetStream, subjects, answer);
    }

    private double requests(String outcome) {
        return registry.find("mesh.gateway.openai.request").tag("outcome", outcome).timers().stream()
                .mapToDouble(Timer::count)
                .sum();
    }
}

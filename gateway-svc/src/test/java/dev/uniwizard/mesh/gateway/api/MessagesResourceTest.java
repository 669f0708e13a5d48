package dev.uniwizard.mesh.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.streams.StreamProvisioner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.gateway.replies.ReplyWaiters;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.PublishOptions;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
class MessagesResourceTest {

    private static final String PATH = "/api/v1/messages";

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

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private final List<Envelope> received = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    @AfterEach
    void stopAnswering() {
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
    }

    @Test
    void answersWithTheReplyOfTheHouse() {
        double repliedBefore = requests("replied");
        answerInboundWith(message ->
                ezra.follow(message, "reply", EnvelopeKind.REPLY, null, ReplyPayload.ok("ezra", "hi back"), null));

        ExtractableResponse<Response> response = given().contentType(ContentType.JSON)
                .header("X-Operator", "alice")
                .body("{\"house\":\"Ezra\",\"conversationId\":\"conv-happy\",\"text\":\"@ezra hi\"}")
                .queryParam("wait", 10)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("conversationId", equalTo("conv-happy"))
                .body("house", equalTo("ezra"))
                .body("status", equalTo("ok"))
                .body("text", equalTo("hi back"))
                .extract();

        Envelope message = received.getFirst();
        assertThat(message.kind()).isEqualTo(EnvelopeKind.MESSAGE);
        assertThat(message.nodeId()).isEqualTo("gateway-test");
        assertThat(message.house()).isEqualTo("ezra");
        assertThat(message.sender().platform()).isEqualTo("http");
        assertThat(message.sender().userId()).isEqualTo("alice");
        assertThat(payloadText(message)).isEqualTo("@ezra hi");
        assertThat(response.path("id").toString()).isEqualTo(message.id());
        assertThat(response.path("replyId").toString())
                .isNotEqualTo(message.id())
                .isNotBlank();
        assertThat(response.jsonPath().getMap("$")).doesNotContainKey("errorCode");
        assertThat(requests("replied")).isEqualTo(repliedBefore + 1);
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aBearerTokenNamesTheOperatorWhoseOwnHouseTravelsWithTheMessage() throws Exception {
        answerInboundWith(message ->
                ezra.follow(message, "reply", EnvelopeKind.REPLY, null, ReplyPayload.ok("bezalel", "on it"), null));

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer tessa-token-0123456789abcdef")
                .header("X-Operator", "mallory")
                .body("{\"text\":\"build it\"}")
                .post(PATH)
                .then()
                .statusCode(200)
                .body("text", equalTo("on it"));

        Envelope message = received.getFirst();
        assertThat(message.sender().userId()).isEqualTo("tessa");
        MessagePayload payload = EnvelopeCodec.readPayload(message, MessagePayload.class);
        assertThat(payload.operator()).isEqualTo("tessa");
        assertThat(payload.homeHouse()).isEqualTo("bezalel");
    }

    @Test
    void aTokenNoOperatorHoldsIsRefusedAndNothingIsPublished() {
        answerInboundWith(message -> null);

        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer not-a-token-of-anyone-here")
                .body("{\"text\":\"hello\"}")
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid_token"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Basic dGVzc2E6eA==")
                .body("{\"text\":\"hello\"}")
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_authorization"));

        assertThat(received).isEmpty();
    }

    @Test
    void passesAnErrorReplyOnWithItsCode() {
        answerInboundWith(message -> ezra.follow(
                message,
                "reply",
                EnvelopeKind.REPLY,
                null,
                ReplyPayload.error(null, "unknown_house", "no house gandalf"),
                null));

        given().body("{\"text\":\"@gandalf hi\"}")
                .post(PATH)
                .then()
                .statusCode(200)
                .body("status", equalTo("error"))
                .body("errorCode", equalTo("unknown_house"))
                .body("conversationId", notNullValue());
    }

    @Test
    void passesAnInterimNoticeOnAsAcceptedAndPending() {
        answerInboundWith(message -> ezra.follow(
                message,
                "notice-1",
                EnvelopeKind.REPLY,
                null,
                ReplyPayload.pending("ezra", "Waiting for approval 0193"),
                null));

        given().body("{\"house\":\"ezra\",\"text\":\"/mode sovereign write it\"}")
                .post(PATH)
                .then()
                .statusCode(202)
                .body("status", equalTo("pending"))
                .body("text", equalTo("Waiting for approval 0193"));
    }

    @Test
    void endsTheWaitWithAnErrorWhenTheReplyCannotBeRead() {
        answerInboundWith(message -> ezra.follow(message, "reply", EnvelopeKind.REPLY, null, "not a reply", null));

        given().body("{\"text\":\"hi\"}")
                .queryParam("wait", 10)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("status", equalTo("error"))
                .body("errorCode", equalTo("bad_reply"))
                .body("text", containsString("ezra-test"));
    }

    @Test
    void answersPendingWhenNoReplyComesInTime() {
        answerInboundWith(message -> null);

        ExtractableResponse<Response> response = given().body("{\"text\":\"anyone?\"}")
                .queryParam("wait", 1)
                .post(PATH)
                .then()
                .statusCode(202)
                .body("status", equalTo("pending"))
                .body("message", containsString("no reply within 1 s"))
                .extract();

        String conversationId = response.path("conversationId");
        assertThat(received).hasSize(1);
        assertThat(received.getFirst().conversationId()).isEqualTo(conversationId);
        assertThat(response.path("id").toString()).isEqualTo(received.getFirst().id());
        assertThat(response.path("conversationUrl").toString()).isEqualTo("/api/v1/conversations/" + conversationId);
        assertThat(waiters.size()).isZero();
    }

    @Test
    void ignoresAReplyFromAnUntrustedKey() {
        double rejectedBefore = rejected("unknown_key");
        EnvelopeSigner intruder = TestKeyring.shared().intruder();
        answerInboundWith(message ->
                intruder.follow(message, "reply", EnvelopeKind.REPLY, null, ReplyPayload.ok("ezra", "pwned"), null));

        given().body("{\"text\":\"hello\"}")
                .queryParam("wait", 2)
                .post(PATH)
                .then()
                .statusCode(202)
                .body("status", equalTo("pending"));

        await().atMost(Duration.ofSeconds(5)).until(() -> rejected("unknown_key") > rejectedBefore);
    }

    @Test
    void answers503WhenTheMeshCannotTakeTheMessage() throws Exception {
        double unavailableBefore = requests("unavailable");
        jsm.deleteStream(streams.inbound());
        try {
            given().body("{\"text\":\"hello\"}")
                    .post(PATH)
                    .then()
                    .statusCode(503)
                    .body("error", equalTo("mesh_unavailable"))
                    .body("message", containsString(subjects.in("http")));
        } finally {
            new StreamProvisioner(jsm).provision(streams.definitions());
        }
        assertThat(waiters.size()).isZero();
        assertThat(requests("unavailable")).isEqualTo(unavailableBefore + 1);
    }

    @Test
    void refusesBlankText() {
        assertRefused("{\"text\":\"  \"}", null, "missing_text", "text");
    }

    @Test
    void refusesABadHouse() {
        assertRefused("{\"text\":\"hi\",\"house\":\"ez.ra\"}", null, "bad_house", "ez.ra");
    }

    @Test
    void refusesABadConversationId() {
        assertRefused("{\"text\":\"hi\",\"conversationId\":\"a b\"}", null, "bad_conversation_id", "a b");
    }

    @Test
    void refusesMalformedJson() {
        assertRefused("{\"text\": \"hi\"", null, "invalid_json", "not valid JSON");
    }

    @Test
    void refusesAnUnknownFieldByName() {
        assertRefused("{\"text\":\"hi\",\"priority\":1}", null, "unknown_field", "priority");
    }

    @Test
    void refusesABadWait() {
        assertRefused("{\"text\":\"hi\"}", "forever", "bad_wait", "forever");
        assertRefused("{\"text\":\"hi\"}", "121", "bad_wait", "121");
    }

    @Test
    void refusesAMissingBody() {
        assertRefused("", null, "missing_body", "JSON body");
    }

    @Test
    void refusesABadOperatorHeader() {
        given().header("X-Operator", "not valid!")
                .body("{\"text\":\"hi\"}")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("bad_operator"));
    }

    @Test
    void answersUnknownPathsInTheErrorFormat() {
        given().get("/api/v1/nothing-here").then().statusCode(404).body("error", equalTo("not_found"));
    }

    private void assertRefused(String body, String wait, String code, String mentioned) {
        double rejectedBefore = requests("rejected");
        answerInboundWith(message -> null);
        var request = given().contentType(ContentType.JSON).body(body);
        if (wait != null) {
            request.queryParam("wait", wait);
        }
        request.post(PATH)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo(code))
                .body("message", containsString(mentioned));
        assertThat(requests("rejected")).isEqualTo(rejectedBefore + 1);
        assertThat(received).isEmpty();
    }

    /** Plays router and house: every message on in.http is answered with what {@code answer} makes (null: none). */
    private void answerInboundWith(Function<Envelope, Envelope> answer) {
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
        }
        dispatcher = connection.createDispatcher(msg -> {
            try {
                Envelope message = EnvelopeCodec.parse(msg.getData()).envelope();
                received.add(message);
                Envelope reply = answer.apply(message);
                if (reply != null) {
                    jetStream.publish(
                            subjects.out("http"),
                            EnvelopeCodec.toBytes(reply),
                            PublishOptions.builder().messageId(reply.id()).build());
                }
            } catch (Exception e) {
                throw new IllegalStateException("the test's router/house stand-in failed", e);
            }
        });
        dispatcher.subscribe(subjects.in("http"));
    }

    private static String payloadText(Envelope message) {
        try {
            return EnvelopeCodec.readPayload(message, MessagePayload.class).text();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private double requests(String outcome) {
        return registry.find("mesh.gateway.request").tag("outcome", outcome).timers().stream()
                .mapToDouble(Timer::count)
                .sum();
    }

    private double rejected(String reason) {
        return MeshTestSupport.rejected(registry, reason);
    }
}

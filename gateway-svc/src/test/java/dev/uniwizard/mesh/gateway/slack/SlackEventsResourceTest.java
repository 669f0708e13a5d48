package dev.uniwizard.mesh.gateway.slack;

import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.OPERATOR;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.OPERATOR_HOUSE;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.SLACK_SIGNING_SECRET;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.SLACK_USER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.streams.StreamProvisioner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.verification.Hmacs;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.platforms.FakeSlackWebApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ChatPlatformFakes.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
class SlackEventsResourceTest {

    private static final String PATH = "/webhooks/slack/events";

    @Inject
    Connection connection;

    @Inject
    JetStreamManagement jsm;

    @Inject
    Subjects subjects;

    @Inject
    MeshStreams streams;

    @Inject
    MeterRegistry registry;

    FakeSlackWebApi slack;

    private SubjectRecorder recorder;
    private String channel;

    @BeforeEach
    void watch() {
        recorder = SubjectRecorder.watch(connection, subjects.in("slack"), subjects.events(Subjects.EVENT_SECURITY));
        channel = "C"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @AfterEach
    void stopWatching() {
        recorder.close();
    }

    @Test
    void publishesAnOperatorsChannelMessageAndAnswersAtOnce() {
        String body = callback("Ev-plain-" + channel, message(SLACK_USER, "1700000000.000100", null, "@ezra status?"));

        signed(body).post(PATH).then().statusCode(200).body("outcome", equalTo("published"));

        Envelope envelope = awaitPublished(channel).getFirst();
        assertThat(envelope.kind()).isEqualTo(EnvelopeKind.MESSAGE);
        assertThat(envelope.sender().platform()).isEqualTo("slack");
        assertThat(envelope.sender().userId()).isEqualTo(SLACK_USER);
        assertThat(envelope.conversationId()).isEqualTo("slack:" + channel + ":1700000000.000100");
        MessagePayload payload = SubjectRecorder.payload(envelope, MessagePayload.class);
        assertThat(payload.text()).isEqualTo("@ezra status?");
        assertThat(payload.operator()).isEqualTo(OPERATOR);
        assertThat(payload.homeHouse()).isEqualTo(OPERATOR_HOUSE);
        assertThat(payload.replyTo()).isEqualTo(new ReplyAddress(channel, "1700000000.000100", null, null));
    }

    @Test
    void publishesAMentionInAThreadWithoutTheMention() {
        String event = "{\"type\":\"app_mention\",\"user\":\"" + SLACK_USER + "\",\"channel\":\"" + channel
                + "\",\"ts\":\"1700000000.000300\",\"thread_ts\":\"1700000000.000200\","
                + "\"text\":\"<@UBOTID> summarize this\"}";

        signed(callback("Ev-mention-" + channel, event)).post(PATH).then().statusCode(200);

        Envelope envelope = awaitPublished(channel).getFirst();
        assertThat(envelope.conversationId()).isEqualTo("slack:" + channel + ":1700000000.000200");
        MessagePayload payload = SubjectRecorder.payload(envelope, MessagePayload.class);
        assertThat(payload.text()).isEqualTo("summarize this");
        assertThat(payload.replyTo().thread()).isEqualTo("1700000000.000200");
    }

    @Test
    void answersTheUrlVerificationChallenge() {
        signed("{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                        + "\"type\":\"url_verification\"}")
                .post(PATH)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    }

    @Test
    void refusesRequestsNotSignedBySlackAndPublishesNothing() {
        String body = callback("Ev-forged-" + channel, message(SLACK_USER, "1700000000.000100", null, "forged"));
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minusSeconds(301).getEpochSecond());

        request(body, now, "v0=" + Hmacs.sha256Hex("a-wrong-secret", base(now, body)))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_signature"));
        request(body, stale, signature(stale, body))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("stale_timestamp"));
        request(body.replace("forged", "forgeD"), now, signature(now, body))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_signature"));
        given().contentType(ContentType.JSON)
                .header("X-Slack-Request-Timestamp", now)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("missing_signature"))
                .body("message", containsString("X-Slack-Signature"));
        request(body, "not-a-time", signature("not-a-time", body))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_timestamp"));

        assertOnlyTheSentinelIsPublished();
        assertThat(MeshTestSupport.count(registry, "mesh.gateway.webhook", "reason", "stale_timestamp"))
                .isPositive();
    }

    @Test
    void publishesARetriedEventOnceAndAnswersTheRetry200() {
        String body = callback("Ev-retried-" + channel, message(SLACK_USER, "1700000000.000100", null, "once"));
        double retriesBefore = MeshTestSupport.count(registry, "mesh.gateway.slack.retries", "reason", "http_timeout");

        signed(body).post(PATH).then().statusCode(200).body("outcome", equalTo("published"));
        signed(body)
                .header("X-Slack-Retry-Num", "1")
                .header("X-Slack-Retry-Reason", "http_timeout")
                .post(PATH)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("duplicate"));

        assertOnlyTheSentinelIsPublishedAfter(1);
        assertThat(MeshTestSupport.count(registry, "mesh.gateway.slack.retries", "reason", "http_timeout"))
                .isEqualTo(retriesBefore + 1);
    }

    @Test
    void ignoresBotMessagesSoItNeverAnswersItself() {
        String event = "{\"type\":\"message\",\"subtype\":\"bot_message\",\"bot_id\":\"B01\",\"channel\":\"" + channel
                + "\",\"ts\":\"1700000000.000500\",\"text\":\"a reply of the mesh\"}";

        signed(callback("Ev-bot-" + channel, event))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ignored_bot_message"));

        assertOnlyTheSentinelIsPublished();
    }

    @Test
    void refusesAnUnknownSenderPolitelyInTheThreadAndReportsIt() {
        String body = callback("Ev-stranger-" + channel, message("U0STRANGER", "1700000000.000700", null, "hello?"));

        signed(body).post(PATH).then().statusCode(200).body("outcome", equalTo("refused_unknown_sender"));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !slack.messagesIn(channel).isEmpty());
        FakeSlackWebApi.PostedMessage refusal = slack.messagesIn(channel).getFirst();
        assertThat(refusal.threadTs()).isEqualTo("1700000000.000700");
        assertThat(refusal.text()).contains("don't know you").contains("slack:U0STRANGER");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        recorder
                                .payloadsOn(subjects.events(Subjects.EVENT_SECURITY), SecurityEventPayload.class)
                                .stream()
                                .anyMatch(e -> "slack:U0STRANGER".equals(e.claimedNodeId())));
        assertOnlyTheSentinelIsPublished();
    }

    @Test
    void answers503WhenTheMeshCannotTakeTheMessageSoSlackRetries() throws Exception {
        String body = callback("Ev-down-" + channel, message(SLACK_USER, "1700000000.000100", null, "later"));
        jsm.deleteStream(streams.inbound());
        try {
            signed(body).post(PATH).then().statusCode(503).body("error", equalTo("mesh_unavailable"));
        } finally {
            new StreamProvisioner(jsm).provision(streams.definitions());
        }

        signed(body).post(PATH).then().statusCode(200).body("outcome", equalTo("published"));
    }

    /** Sends a good message in the test's channel, waits for it, and checks that nothing came before it. */
    private void assertOnlyTheSentinelIsPublished() {
        assertOnlyTheSentinelIsPublishedAfter(0);
    }

    private void assertOnlyTheSentinelIsPublishedAfter(int expectedBefore) {
        String sentinel =
                callback("Ev-sentinel-" + channel, message(SLACK_USER, "1700000009.000900", null, "sentinel"));
        signed(sentinel).post(PATH).then().statusCode(200);
        List<Envelope> published = await().atMost(Duration.ofSeconds(10))
                .until(() -> publishedIn(channel), list -> list.stream()
                        .anyMatch(e -> SubjectRecorder.payload(e, MessagePayload.class)
                                .text()
                                .equals("sentinel")));
        assertThat(published).hasSize(expectedBefore + 1);
        assertThat(SubjectRecorder.payload(published.getLast(), MessagePayload.class)
                        .text())
                .isEqualTo("sentinel");
    }

    private List<Envelope> awaitPublished(String channel) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> publishedIn(channel), list -> !list.isEmpty());
    }

    private List<Envelope> publishedIn(String channel) {
        return recorder.envelopesOn(subjects.in("slack")).stream()
                .filter(e -> e.conversationId().startsWith("slack:" + channel))
                .toList();
    }

    private String message(String user, String ts, String threadTs, String text) {
        return "{\"type\":\"message\",\"channel_type\":\"channel\",\"user\":\"" + user + "\",\"channel\":\"" + channel
                + "\",\"ts\":\"" + ts + "\"" + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
                + ",\"text\":\"" + text + "\"}";
    }

    private static String callback(String eventId, String event) {
        return "{\"token\":\"x\",\"team_id\":\"T1\",\"api_app_id\":\"A1\",\"type\":\"event_callback\",\"event_id\":\""
                + eventId + "\",\"event_time\":1700000000,\"authorizations\":[{\"user_id\":\"UBOTID\","
                + "\"is_bot\":true}],\"event\":" + event + "}";
    }

    private static RequestSpecification signed(String body) {
        String now = Long.toString(Instant.now().getEpochSecond());
        return request(body, now, signature(now, body));
    }

    private static RequestSpecification request(String body, String timestamp, String signature) {
        return given().contentType(ContentType.JSON)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String signature(String timestamp, String body) {
        return "v0=" + Hmacs.sha256Hex(SLACK_SIGNING_SECRET, base(timestamp, body));
    }

    private static byte[] base(String timestamp, String body) {
        return ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8);
    }
}

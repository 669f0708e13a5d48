package dev.uniwizard.mesh.gateway.discord;

import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.DISCORD_USER;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.OPERATOR;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.OPERATOR_HOUSE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import io.nats.client.Connection;
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
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(ChatPlatformFakes.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
class DiscordInteractionsResourceTest {

    private static final String PATH = "/webhooks/discord/interactions";

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    DiscordTestKeys keys;

    private SubjectRecorder recorder;
    private String channel;

    @BeforeEach
    void watch() {
        recorder = SubjectRecorder.watch(connection, subjects.in("discord"), subjects.events(Subjects.EVENT_SECURITY));
        channel = snowflake();
    }

    @AfterEach
    void stopWatching() {
        recorder.close();
    }

    @Test
    void answersPingWithPong() {
        signed("{\"id\":\"" + snowflake() + "\",\"application_id\":\"1\",\"type\":1}")
                .post(PATH)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("type", equalTo(1))
                .body("data", nullValue());
    }

    @Test
    void defersACommandOfAnOperatorAndPublishesIt() {
        String id = snowflake();

        signed(command(id, "tok-" + id, DISCORD_USER, "how is the build?", "Bezalel"))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("type", equalTo(5));

        Envelope envelope = awaitPublished().getFirst();
        assertThat(envelope.kind()).isEqualTo(EnvelopeKind.MESSAGE);
        assertThat(envelope.house()).isEqualTo("bezalel");
        assertThat(envelope.conversationId()).isEqualTo("discord:" + channel);
        assertThat(envelope.sender().platform()).isEqualTo("discord");
        assertThat(envelope.sender().userId()).isEqualTo(DISCORD_USER);
        assertThat(envelope.sender().displayName()).isEqualTo("Alice");
        MessagePayload payload = SubjectRecorder.payload(envelope, MessagePayload.class);
        assertThat(payload.text()).isEqualTo("how is the build?");
        assertThat(payload.operator()).isEqualTo(OPERATOR);
        assertThat(payload.homeHouse()).isEqualTo(OPERATOR_HOUSE);
        assertThat(payload.replyTo()).isEqualTo(new ReplyAddress(channel, null, null, "tok-" + id));
    }

    @Test
    void refusesRequestsNotSignedByDiscordAndPublishesNothing() {
        String body = command(snowflake(), "tok-forged", DISCORD_USER, "forged", null);
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minusSeconds(301).getEpochSecond());

        request(body, now, new DiscordTestKeys().sign(now, body))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_signature"));
        request(body, stale, keys.sign(stale, body))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("stale_timestamp"));
        request(body.replace("forged", "forgeD"), now, keys.sign(now, body))
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_signature"));
        given().contentType(ContentType.JSON)
                .header("X-Signature-Timestamp", now)
                .body(body)
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("missing_signature"));
        request(body, now, "not-hex-at-all")
                .post(PATH)
                .then()
                .statusCode(401)
                .body("message", containsString("not hex"));

        assertOnlyTheSentinelIsPublished();
    }

    @Test
    void refusesAnUnknownSenderWithAMessageOnlyTheySeeAndReportsIt() {
        signed(command(snowflake(), "tok-stranger", "99999999999", "let me in", null))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("type", equalTo(4))
                .body("data.flags", equalTo(64))
                .body("data.content", containsString("don't know you"))
                .body("data.content", containsString("discord:99999999999"));

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        recorder
                                .payloadsOn(subjects.events(Subjects.EVENT_SECURITY), SecurityEventPayload.class)
                                .stream()
                                .anyMatch(e -> "discord:99999999999".equals(e.claimedNodeId())));
        assertOnlyTheSentinelIsPublished();
    }

    @Test
    void explainsACommandWithoutTextToTheSenderOnly() {
        String body = "{\"id\":\"" + snowflake() + "\",\"type\":2,\"token\":\"tok-empty\",\"channel_id\":\"" + channel
                + "\",\"member\":{\"user\":{\"id\":\"" + DISCORD_USER + "\"}},\"data\":{\"name\":\"ask\"}}";

        signed(body)
                .post(PATH)
                .then()
                .statusCode(200)
                .body("type", equalTo(4))
                .body("data.flags", equalTo(64))
                .body("data.content", containsString("/ask needs the text option"));
    }

    @Test
    void answersOtherInteractionTypesWithAClearError() {
        signed("{\"id\":\"" + snowflake() + "\",\"type\":3,\"token\":\"t\",\"data\":{\"custom_id\":\"b\"}}")
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("unsupported_interaction"))
                .body("message", containsString("interaction type 3 is not handled"));
    }

    private void assertOnlyTheSentinelIsPublished() {
        signed(command(snowflake(), "tok-sentinel", DISCORD_USER, "sentinel", null))
                .post(PATH)
                .then()
                .statusCode(200)
                .body("type", equalTo(5));
        List<Envelope> published = await().atMost(Duration.ofSeconds(10))
                .until(this::publishedInChannel, list -> list.stream()
                        .anyMatch(e -> SubjectRecorder.payload(e, MessagePayload.class)
                                .text()
                                .equals("sentinel")));
        assertThat(published).hasSize(1);
    }

    private List<Envelope> awaitPublished() {
        return await().atMost(Duration.ofSeconds(10)).until(this::publishedInChannel, list -> !list.isEmpty());
    }

    private List<Envelope> publishedInChannel() {
        return recorder.envelopesOn(subjects.in("discord")).stream()
                .filter(e -> e.conversationId().equals("discord:" + channel))
                .toList();
    }

    private String command(String id, String token, String user, String text, String house) {
        return "{\"id\":\"" + id + "\",\"application_id\":\"" + ChatPlatformFakes.DISCORD_APPLICATION_ID
                + "\",\"type\":2,\"token\":\"" + token + "\",\"guild_id\":\"1\",\"channel_id\":\"" + channel
                + "\",\"member\":{\"user\":{\"id\":\"" + user + "\",\"username\":\"alice\",\"global_name\":\"Alice\"}},"
                + "\"data\":{\"id\":\"5\",\"name\":\"ask\",\"type\":1,\"options\":[{\"name\":\"text\",\"type\":3,"
                + "\"value\":\"" + text + "\"}"
                + (house == null ? "" : ",{\"name\":\"house\",\"type\":3,\"value\":\"" + house + "\"}") + "]}}";
    }

    private RequestSpecification signed(String body) {
        String now = Long.toString(Instant.now().getEpochSecond());
        return request(body, now, keys.sign(now, body));
    }

    private static RequestSpecification request(String body, String timestamp, String signature) {
        return given().contentType(ContentType.JSON)
                .header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", signature)
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String snowflake() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, Long.MAX_VALUE));
    }
}

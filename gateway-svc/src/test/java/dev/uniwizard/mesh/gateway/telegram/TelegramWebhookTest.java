package dev.uniwizard.mesh.gateway.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.SecurityEventPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.gateway.metrics.WebhookTiming;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.platforms.FakeTelegramBotApi;
import dev.uniwizard.mesh.testkit.platforms.TelegramSentMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TelegramWebhookProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
@WithTestResource(FakeTelegramResource.class)
class TelegramWebhookTest {

    private static final String PATH = "/webhooks/telegram";

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    FakeTelegramBotApi telegram;

    private SubjectRecorder recorder;

    @BeforeEach
    void watch() {
        recorder = SubjectRecorder.watch(connection, subjects.in("telegram"), subjects.events(Subjects.EVENT_SECURITY));
    }

    @AfterEach
    void stopWatching() {
        recorder.close();
    }

    @Test
    void publishesAnOperatorsMessageWithSenderConversationAndReplyAddress() {
        long updateId = telegram.nextUpdateId();
        post(FakeTelegramBotApi.textUpdate(
                        updateId, -1001234, 7L, 42, 1001, "Alice", "Liddell", "alice", "/ezra@MeshBot hello topic"))
                .statusCode(200);

        Envelope message = awaitFrom("1001", 1).getFirst();
        assertThat(message.kind()).isEqualTo(EnvelopeKind.MESSAGE);
        assertThat(message.nodeId()).isEqualTo("gateway-test");
        assertThat(message.sender()).isEqualTo(new Sender("telegram", "1001", "Alice Liddell"));
        assertThat(message.conversationId()).isEqualTo("telegram:-1001234:7");
        assertThat(message.house()).isNull();
        MessagePayload payload = SubjectRecorder.payload(message, MessagePayload.class);
        assertThat(payload.text()).isEqualTo("/ezra hello topic");
        assertThat(payload.operator()).isEqualTo("alice");
        assertThat(payload.homeHouse()).isEqualTo("ezra");
        assertThat(payload.replyTo()).isEqualTo(new ReplyAddress("-1001234", "7", "42", null));
        // Webhook mode calls nothing at Telegram by itself: no getUpdates, no setWebhook.
        assertThat(telegram.requests())
                .noneMatch(r -> r.path().endsWith("/getUpdates") || r.path().endsWith("/setWebhook"));
    }

    @Test
    void timesEveryWebhookCallByPlatformAndStatusClass() {
        long okBefore = webhookTimings("2xx");
        long refusedBefore = webhookTimings("4xx");

        post(FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 1003, "Alice", "timed"))
                .statusCode(200);
        given().header(TelegramWebhookResource.SECRET_HEADER, "not-the-secret")
                .contentType(ContentType.JSON)
                .body(FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 1003, "Alice", "refused"))
                .post(PATH)
                .then()
                .statusCode(401);

        assertThat(webhookTimings("2xx")).isEqualTo(okBefore + 1);
        assertThat(webhookTimings("4xx")).isEqualTo(refusedBefore + 1);
        assertThat(registry.find(WebhookTiming.METRIC)
                        .tag("platform", "telegram")
                        .timers())
                .allSatisfy(timer -> assertThat(timer.takeSnapshot().histogramCounts())
                        .as("exported as a histogram with the mesh's fixed buckets")
                        .isNotEmpty());
    }

    private long webhookTimings(String status) {
        var timer = registry.find(WebhookTiming.METRIC)
                .tag("platform", "telegram")
                .tag("status", status)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void aWrongSecretIsRefusedWith401AndNothingIsPublished() {
        String update = FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 1002, "Alice", "wrong secret");
        given().header(TelegramWebhookResource.SECRET_HEADER, "not-the-secret")
                .contentType(ContentType.JSON)
                .body(update)
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("bad_secret"))
                .body("message", containsString("does not match"));

        assertOnlyTheBarrierArrives("1002");
    }

    @Test
    void aMissingSecretIsRefusedWith401AndNothingIsPublished() {
        String update = FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 1002, "Alice", "no secret");
        given().contentType(ContentType.JSON)
                .body(update)
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("missing_secret"));

        assertOnlyTheBarrierArrives("1002");
    }

    @Test
    void aRepeatedUpdateIsPublishedOnce() {
        String update = FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 1003, "Alice", "say it once");
        post(update).statusCode(200);
        post(update).statusCode(200);

        assertOnlyTheBarrierArrivesAfter("1003", "say it once");
    }

    @Test
    void anUnknownSenderIsRefusedPolitelyAndReported() {
        long updateId = telegram.nextUpdateId();
        post(FakeTelegramBotApi.textUpdate(updateId, 4242, null, 77, 4242, "Mallory", null, null, "let me in"))
                .statusCode(200);

        List<TelegramSentMessage> refusals =
                await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo("4242"), sent -> !sent.isEmpty());
        assertThat(refusals.getFirst().text()).contains("don't know you").contains("telegram:4242");
        assertThat(refusals.getFirst().replyToMessageId()).isEqualTo(77L);
        SecurityEventPayload event = await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                recorder
                                        .payloadsOn(
                                                subjects.events(Subjects.EVENT_SECURITY), SecurityEventPayload.class)
                                        .stream()
                                        .filter(e -> "telegram:4242".equals(e.claimedNodeId()))
                                        .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(event.reason()).isEqualTo("unknown_sender");
        assertOnlyTheBarrierArrives("1006");
        assertThat(recorder.envelopesOn(subjects.in("telegram")))
                .noneMatch(e -> e.sender().userId().equals("4242"));
    }

    @Test
    void aSenderOverTheRateLimitIsToldToWait() {
        for (int i = 1; i <= 5; i++) {
            post(FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 1004, "Alice", "message " + i))
                    .statusCode(200);
        }

        List<TelegramSentMessage> refusals =
                await().atMost(Duration.ofSeconds(10)).until(() -> telegram.sentTo("1004"), sent -> !sent.isEmpty());
        assertThat(refusals.getFirst().text()).contains("faster than 4 per 1 minute");
        List<Envelope> published = awaitFrom("1004", 4);
        assertThat(published)
                .extracting(
                        e -> SubjectRecorder.payload(e, MessagePayload.class).text())
                .containsExactly("message 1", "message 2", "message 3", "message 4");
        assertThat(telegram.sentTo("1004")).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAnUpdateIs400() {
        post("{not json")
                .statusCode(400)
                .body("error", equalTo("malformed_update"))
                .body("message", containsString("not JSON"));
        post("{\"message\":{\"text\":\"hi\"}}").statusCode(400).body("message", containsString("update_id"));
        assertOnlyTheBarrierArrives("1005");
    }

    @Test
    void updatesItDoesNotHandleAreAnswered200CountedAndNotPublished() {
        double edits = ignored("edited_message");
        double noText = ignored("no_text");
        post("{\"update_id\":" + telegram.nextUpdateId()
                        + ",\"edited_message\":{\"message_id\":5,\"from\":{\"id\":1007,\"is_bot\":false,"
                        + "\"first_name\":\"Alice\"},\"chat\":{\"id\":1007,\"type\":\"private\"},\"text\":\"edited\"}}")
                .statusCode(200);
        post("{\"update_id\":" + telegram.nextUpdateId()
                        + ",\"message\":{\"message_id\":6,\"from\":{\"id\":1007,\"is_bot\":false,"
                        + "\"first_name\":\"Alice\"},\"chat\":{\"id\":1007,\"type\":\"private\"},\"sticker\":{}}}")
                .statusCode(200);

        assertThat(ignored("edited_message")).isEqualTo(edits + 1);
        assertThat(ignored("no_text")).isEqualTo(noText + 1);
        assertOnlyTheBarrierArrives("1007");
    }

    private double ignored(String reason) {
        return registry
                .find("mesh.gateway.telegram.updates")
                .tag("outcome", "ignored")
                .tag("reason", reason)
                .counters()
                .stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count)
                .sum();
    }

    private ValidatableResponse post(String body) {
        return given().header(TelegramWebhookResource.SECRET_HEADER, TelegramWebhookProfile.SECRET)
                .contentType(ContentType.JSON)
                .body(body)
                .post(PATH)
                .then();
    }

    /** Sends one good update from {@code userId} and asserts it is the only message from that user. */
    private void assertOnlyTheBarrierArrives(String userId) {
        assertOnlyTheBarrierArrivesAfter(userId);
    }

    /** Sends a good "barrier" update; every message from {@code userId} before it must be {@code before}, in order. */
    private void assertOnlyTheBarrierArrivesAfter(String userId, String... before) {
        post(FakeTelegramBotApi.privateText(telegram.nextUpdateId(), Long.parseLong(userId), "Alice", "barrier"))
                .statusCode(200);
        List<Envelope> all = await().atMost(Duration.ofSeconds(10))
                .until(() -> fromUser(userId), envelopes -> envelopes.stream()
                        .anyMatch(e -> SubjectRecorder.payload(e, MessagePayload.class)
                                .text()
                                .equals("barrier")));
        List<String> texts = all.stream()
                .map(e -> SubjectRecorder.payload(e, MessagePayload.class).text())
                .toList();
        List<String> expected = new java.util.ArrayList<>(List.of(before));
        expected.add("barrier");
        assertThat(texts).containsExactlyElementsOf(expected);
    }

    private List<Envelope> awaitFrom(String userId, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> fromUser(userId), list -> list.size() >= count);
    }

    private List<Envelope> fromUser(String userId) {
        return recorder.envelopesOn(subjects.in("telegram")).stream()
                .filter(e -> e.sender() != null && userId.equals(e.sender().userId()))
                .toList();
    }
}

package dev.uniwizard.mesh.gateway.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.platforms.FakeTelegramBotApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TelegramPollingTest.Polling.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
@WithTestResource(FakeTelegramResource.class)
class TelegramPollingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

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
        recorder = SubjectRecorder.watch(connection, subjects.in("telegram"));
    }

    @AfterEach
    void stopWatching() {
        recorder.close();
    }

    @Test
    void pollsAnUpdatePublishesItAndMovesTheOffsetPastIt() {
        telegram.failNext(r -> r.path().endsWith("/getUpdates"), 1, FakeTelegramBotApi.apiError(502, "Bad Gateway"));
        long updateId = telegram.nextUpdateId();
        telegram.enqueueUpdate(FakeTelegramBotApi.privateText(updateId, 2001, "Alice", "hello by polling"));

        Envelope message = awaitFrom("2001");
        assertThat(message.sender()).isEqualTo(new Sender("telegram", "2001", "Alice"));
        assertThat(message.conversationId()).isEqualTo("telegram:2001");
        MessagePayload payload = SubjectRecorder.payload(message, MessagePayload.class);
        assertThat(payload.text()).isEqualTo("hello by polling");
        assertThat(payload.operator()).isEqualTo("alice");
        assertThat(payload.replyTo().chat()).isEqualTo("2001");
        await().atMost(WAIT).until(() -> telegram.lastOffset() == updateId + 1 && telegram.pendingUpdates() == 0);
        assertThat(MeshTestSupport.count(registry, "mesh.gateway.telegram.poll.errors", "reason", "api_error"))
                .isPositive();
        assertThat(telegram.requests("POST", ".*/getUpdates")
                        .getLast()
                        .json()
                        .path("allowed_updates")
                        .get(0)
                        .asText())
                .isEqualTo("message");
    }

    @Test
    void aConflictIsReportedAndPollingGoesOn() {
        telegram.failNext(
                r -> r.path().endsWith("/getUpdates"),
                1,
                FakeTelegramBotApi.apiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is"
                                + " running"));
        long updateId = telegram.nextUpdateId();
        telegram.enqueueUpdate(FakeTelegramBotApi.textUpdate(
                updateId, -100555, 3L, 12, 2002, "Alice", null, null, "after the conflict"));

        Envelope message = awaitFrom("2002");
        assertThat(SubjectRecorder.payload(message, MessagePayload.class).replyTo())
                .isEqualTo(new ReplyAddress("-100555", "3", "12", null));
        assertThat(MeshTestSupport.count(registry, "mesh.gateway.telegram.poll.errors", "reason", "conflict"))
                .isPositive();
    }

    @Test
    void theWebhookIsClosedInPollingMode() {
        given().header(TelegramWebhookResource.SECRET_HEADER, "anything")
                .contentType(ContentType.JSON)
                .body(FakeTelegramBotApi.privateText(telegram.nextUpdateId(), 2001, "Alice", "via webhook"))
                .post("/webhooks/telegram")
                .then()
                .statusCode(404)
                .body("error", equalTo("telegram_webhook_off"));
    }

    private Envelope awaitFrom(String userId) {
        List<Envelope> found = await().atMost(WAIT)
                .until(
                        () -> recorder.envelopesOn(subjects.in("telegram")).stream()
                                .filter(e -> userId.equals(e.sender().userId()))
                                .toList(),
                        list -> !list.isEmpty());
        return found.getFirst();
    }

    /** Telegram in polling mode with a 1 s long poll; operator alice is Telegram users 2001 and 2002. */
    public static class Polling implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.telegram.mode", "polling",
                    "gateway.telegram.poll-timeout", "1s",
                    "gateway.operators.alice.house", "ezra",
                    "gateway.operators.alice.identities", "telegram:2001,telegram:2002");
        }
    }
}

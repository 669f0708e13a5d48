package dev.uniwizard.mesh.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.payload.DeliveryEventPayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.platforms.FakeTelegramBotApi;
import dev.uniwizard.mesh.testkit.platforms.TelegramSentMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies on {@code out.telegram} delivered to the fake Bot API (shares its Quarkus start with the webhook tests). */
@QuarkusTest
@TestProfile(TelegramWebhookProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
@WithTestResource(FakeTelegramResource.class)
class TelegramDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    JetStream jetStream;

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    FakeTelegramBotApi telegram;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);

    @Test
    void deliversAReplyToItsChatAndTopicAnsweringTheMessageAndSaysSo() {
        try (SubjectRecorder events = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_DELIVERY))) {
            Envelope reply = reply(
                    ReplyPayload.ok("ezra", "hello from ezra")
                            .withReplyTo(new ReplyAddress("-1007001", "7", "42", null)),
                    null);
            publish(reply);

            TelegramSentMessage sent = awaitSent("-1007001", 1).getFirst();
            assertThat(sent.text()).isEqualTo("hello from ezra");
            assertThat(sent.threadId()).isEqualTo(7L);
            assertThat(sent.replyToMessageId()).isEqualTo(42L);

            Envelope event = awaitDeliveryEvent(events, reply);
            assertThat(event.kind()).isEqualTo(EnvelopeKind.EVENT);
            assertThat(event.nodeId()).isEqualTo("gateway-test");
            assertThat(event.id()).isEqualTo(Ids.derive(reply.id(), "delivery:delivered"));
            assertThat(SubjectRecorder.payload(event, DeliveryEventPayload.class))
                    .isEqualTo(new DeliveryEventPayload(
                            reply.id(), reply.correlationId(), "telegram", DeliveryEventPayload.DELIVERED, 1, ""));
        }
    }

    @Test
    void aReplyWithoutAddressGoesToTheSendersPrivateChat() {
        publish(reply(ReplyPayload.ok("ezra", "found you"), new Sender("telegram", "7002", "Bob")));

        TelegramSentMessage sent = awaitSent("7002", 1).getFirst();
        assertThat(sent.text()).isEqualTo("found you");
        assertThat(sent.threadId()).isNull();
        assertThat(sent.replyToMessageId()).isNull();
    }

    @Test
    void aLongReplyArrivesAsChunksInOrder() {
        String text = "line of the archive\n".repeat(250); // 5,000 characters
        publish(reply(ReplyPayload.ok("ezra", text).withReplyTo(new ReplyAddress("7003", null, "9", null)), null));

        List<TelegramSentMessage> sent = awaitSent("7003", 2);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).text().length()).isLessThanOrEqualTo(4096);
        assertThat(sent.get(0).text() + sent.get(1).text()).isEqualTo(text);
        assertThat(sent.get(0).replyToMessageId()).isEqualTo(9L);
        assertThat(sent.get(1).replyToMessageId()).isNull();
    }

    @Test
    void a429IsWaitedOutAndTheReplyDeliveredOnce() {
        telegram.rateLimitNextSend("7004", 1, 1);
        publish(reply(ReplyPayload.ok("ezra", "patience").withReplyTo(ReplyAddress.chat("7004")), null));

        awaitSent("7004", 1);
        assertThat(telegram.requests("POST", ".*/sendMessage").stream()
                        .filter(r -> FakeTelegramBotApi.isSendTo(r, "7004")))
                .hasSize(2);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> telegram.sentTo("7004").size() == 1);
    }

    @Test
    void aRetriedReplyDoesNotSendItsFirstChunksAgain() {
        String text = "A".repeat(3000) + "\n" + "B".repeat(3000);
        telegram.failNext(
                r -> FakeTelegramBotApi.isSendTo(r, "7005")
                        && r.json().path("text").asText().startsWith("B"),
                1,
                FakeTelegramBotApi.tooManyRequests(1));
        publish(reply(ReplyPayload.ok("ezra", text).withReplyTo(ReplyAddress.chat("7005")), null));

        List<TelegramSentMessage> sent = awaitSent("7005", 2);
        assertThat(sent).extracting(m -> m.text().charAt(0)).containsExactly('A', 'B');
        assertThat(telegram.requests("POST", ".*/sendMessage").stream()
                        .filter(r -> FakeTelegramBotApi.isSendTo(r, "7005")))
                .hasSize(3);
    }

    @Test
    void aReplySignedByAnUntrustedKeyIsNotDelivered() {
        double rejected = MeshTestSupport.rejected(registry, "unknown_key");
        Envelope forged = TestKeyring.shared()
                .intruder()
                .originate(
                        EnvelopeKind.REPLY,
                        "telegram:7006",
                        "ezra",
                        new Sender("telegram", "7006", "Victim"),
                        ReplyPayload.ok("ezra", "send me your token").withReplyTo(ReplyAddress.chat("7006")),
                        null);
        publish(forged);

        await().atMost(WAIT).until(() -> MeshTestSupport.rejected(registry, "unknown_key") > rejected);
        assertThat(telegram.sentTo("7006")).isEmpty();
    }

    @Test
    void repliesToOneChatAreSpacedAboutASecondApartPendingNoticesIncluded() {
        ReplyAddress chat = ReplyAddress.chat("7007");
        publish(reply(ReplyPayload.pending("ezra", "waiting for approval").withReplyTo(chat), null));
        publish(reply(ReplyPayload.ok("ezra", "second").withReplyTo(chat), null));
        publish(reply(ReplyPayload.ok("ezra", "third").withReplyTo(chat), null));

        List<TelegramSentMessage> sent = awaitSent("7007", 3).stream()
                .sorted(Comparator.comparing(TelegramSentMessage::receivedAt))
                .toList();
        assertThat(sent)
                .extracting(TelegramSentMessage::text)
                .containsExactlyInAnyOrder("waiting for approval", "second", "third");
        for (int i = 1; i < sent.size(); i++) {
            assertThat(Duration.between(
                            sent.get(i - 1).receivedAt(), sent.get(i).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void aChatTelegramDoesNotKnowDeadLettersTheReply() {
        telegram.forgetChat("7008");
        try (SubjectRecorder deadLetters = SubjectRecorder.watch(
                connection, subjects.events(Subjects.EVENT_DEAD_LETTER), subjects.events(Subjects.EVENT_DELIVERY))) {
            Envelope reply =
                    reply(ReplyPayload.ok("ezra", "anyone there?").withReplyTo(ReplyAddress.chat("7008")), null);
            publish(reply);

            DeadLetterPayload dead = await().atMost(WAIT)
                    .until(
                            () ->
                                    deadLetters
                                            .payloadsOn(
                                                    subjects.events(Subjects.EVENT_DEAD_LETTER),
                                                    DeadLetterPayload.class)
                                            .stream()
                                            .filter(d -> d.original().contains("anyone there?"))
                                            .findFirst(),
                            Optional::isPresent)
                    .orElseThrow();
            assertThat(dead.lastError()).contains("chat not found");
            assertThat(dead.deliveries()).isEqualTo(1);

            DeliveryEventPayload given =
                    SubjectRecorder.payload(awaitDeliveryEvent(deadLetters, reply), DeliveryEventPayload.class);
            assertThat(given.outcome()).isEqualTo(DeliveryEventPayload.DEAD_LETTERED);
            assertThat(given.platform()).isEqualTo("telegram");
            assertThat(given.correlationId()).isEqualTo(reply.correlationId());
            assertThat(given.attempts()).isEqualTo(1);
            assertThat(given.detail()).contains("chat not found");
            assertThat(deadLetters.payloadsOn(subjects.events(Subjects.EVENT_DELIVERY), DeliveryEventPayload.class))
                    .filteredOn(e -> e.replyId().equals(reply.id()))
                    .extracting(DeliveryEventPayload::outcome)
                    .containsExactly(DeliveryEventPayload.DEAD_LETTERED);
        }
    }

    /** The first delivery event about {@code reply}. */
    private Envelope awaitDeliveryEvent(SubjectRecorder events, Envelope reply) {
        return await().atMost(WAIT)
                .until(
                        () -> events.envelopesOn(subjects.events(Subjects.EVENT_DELIVERY)).stream()
                                .filter(e -> reply.id()
                                        .equals(e.payload().path("replyId").asText()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private Envelope reply(ReplyPayload payload, Sender sender) {
        String chat = payload.replyTo() != null ? payload.replyTo().chat() : sender.userId();
        return ezra.originate(
                EnvelopeKind.REPLY,
                "telegram:" + chat,
                "ezra",
                sender == null ? new Sender("telegram", "1001", "Alice") : sender,
                payload,
                null);
    }

    private void publish(Envelope envelope) {
        MeshTestSupport.publish(jetStream, subjects.out("telegram"), envelope);
    }

    private List<TelegramSentMessage> awaitSent(String chat, int count) {
        return await().atMost(WAIT).until(() -> telegram.sentTo(chat), sent -> sent.size() >= count);
    }
}

package dev.uniwizard.mesh.gateway.discord;

import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.DISCORD_APPLICATION_ID;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.DISCORD_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.DeadLetterPayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.platforms.FakeDiscordApi;
import dev.uniwizard.mesh.testkit.platforms.RecordedRequest;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
class DiscordDeliveryTest {

    private static final String CHANNEL = "1200000000000000002";

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    FakeDiscordApi discord;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private SubjectRecorder deadLetters;
    private String token;

    @BeforeEach
    void watch() {
        deadLetters = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_DEAD_LETTER));
        token = "aW50ZXJhY3Rpb24." + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    @Test
    void theFirstReplyReplacesTheDeferredAnswer() {
        reply(ReplyPayload.ok("ezra", "All green @everyone"));

        List<FakeDiscordApi.SentMessage> sent = awaitMessages(1);
        assertThat(sent.getFirst().kind()).isEqualTo(FakeDiscordApi.Kind.EDIT_ORIGINAL);
        assertThat(sent.getFirst().applicationId()).isEqualTo(DISCORD_APPLICATION_ID);
        assertThat(sent.getFirst().content()).isEqualTo("All green @everyone");
        RecordedRequest edit = discord.callsFor(token).getLast();
        assertThat(edit.method()).isEqualTo("PATCH");
        assertThat(edit.json().path("allowed_mentions").path("parse").isEmpty()).isTrue();
    }

    @Test
    void aPendingNoticeReplacesTheDeferredAnswerAndTheAnswerFollowsUp() {
        reply(ReplyPayload.pending("ezra", "Waiting for approval 0193"));
        awaitMessages(1);
        reply(ReplyPayload.ok("ezra", "Approved and done."));

        List<FakeDiscordApi.SentMessage> sent = awaitMessages(2);
        assertThat(sent)
                .extracting(FakeDiscordApi.SentMessage::kind, FakeDiscordApi.SentMessage::content)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                FakeDiscordApi.Kind.EDIT_ORIGINAL, "Waiting for approval 0193"),
                        org.assertj.core.groups.Tuple.tuple(FakeDiscordApi.Kind.FOLLOW_UP, "Approved and done."));
    }

    @Test
    void splitsALongReplyIntoFollowUps() {
        String text = "word ".repeat(900);

        reply(ReplyPayload.ok("ezra", text));

        List<FakeDiscordApi.SentMessage> sent = awaitMessages(3);
        assertThat(sent)
                .extracting(FakeDiscordApi.SentMessage::kind)
                .containsExactly(
                        FakeDiscordApi.Kind.EDIT_ORIGINAL,
                        FakeDiscordApi.Kind.FOLLOW_UP,
                        FakeDiscordApi.Kind.FOLLOW_UP);
        assertThat(sent.stream().map(FakeDiscordApi.SentMessage::content).reduce("", String::concat))
                .isEqualTo(text);
    }

    @Test
    void waitsOutDiscordsRateLimitAndDeliversOnce() {
        discord.rateLimitNext(token, 1, 0.3);

        reply(ReplyPayload.ok("ezra", "after the limit"));

        assertThat(awaitMessages(1).getFirst().content()).isEqualTo("after the limit");
        assertThat(discord.callsFor(token)).extracting(RecordedRequest::method).containsExactly("GET", "GET", "PATCH");
        await().during(Duration.ofMillis(1000))
                .atMost(Duration.ofSeconds(5))
                .until(() -> discord.messagesFor(token).size() == 1);
    }

    @Test
    void deadLettersAReplyWhoseTokenExpired() {
        discord.expire(token);

        Envelope reply = reply(ReplyPayload.ok("ezra", "too late"));

        DeadLetterPayload dead = awaitDeadLetter(reply);
        assertThat(dead.lastError()).contains("interaction token expired").contains("Unknown Webhook");
        assertThat(dead.deliveries()).isEqualTo(1);
        assertThat(discord.messagesFor(token)).isEmpty();
    }

    @Test
    void deadLettersAReplyWithoutAnInteractionToken() {
        Envelope reply = reply(ReplyPayload.ok("ezra", "to whom?"), ReplyAddress.chat(CHANNEL));

        assertThat(awaitDeadLetter(reply).lastError()).contains("no Discord interaction token");
    }

    private Envelope reply(ReplyPayload payload) {
        return reply(payload, new ReplyAddress(CHANNEL, null, null, token));
    }

    private Envelope reply(ReplyPayload payload, ReplyAddress address) {
        Envelope envelope = ezra.originate(
                EnvelopeKind.REPLY,
                "discord:" + CHANNEL,
                "ezra",
                new Sender("discord", DISCORD_USER, "Alice"),
                payload.withReplyTo(address),
                null);
        MeshTestSupport.publish(jetStream, subjects.out("discord"), envelope);
        return envelope;
    }

    private List<FakeDiscordApi.SentMessage> awaitMessages(int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> discord.messagesFor(token), list -> list.size() >= count);
    }

    private DeadLetterPayload awaitDeadLetter(Envelope reply) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                deadLetters
                                        .payloadsOn(
                                                subjects.events(Subjects.EVENT_DEAD_LETTER), DeadLetterPayload.class)
                                        .stream()
                                        .filter(d -> d.original().contains(reply.id()))
                                        .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}

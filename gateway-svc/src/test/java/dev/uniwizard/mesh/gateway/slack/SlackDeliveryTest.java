package dev.uniwizard.mesh.gateway.slack;

import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.SLACK_BOT_TOKEN;
import static dev.uniwizard.mesh.gateway.slack.ChatPlatformFakes.SLACK_USER;
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
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.platforms.FakeSlackWebApi;
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
class SlackDeliveryTest {

    private static final String THREAD = "1700000000.000100";

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    FakeSlackWebApi slack;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);
    private SubjectRecorder deadLetters;
    private String channel;

    @BeforeEach
    void watch() {
        deadLetters = SubjectRecorder.watch(connection, subjects.events(Subjects.EVENT_DEAD_LETTER));
        channel = "C"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @AfterEach
    void stopWatching() {
        deadLetters.close();
    }

    @Test
    void postsASignedReplyIntoTheThreadWithTheBotToken() {
        reply(ReplyPayload.ok("ezra", "All green & <fine>").withReplyTo(new ReplyAddress(channel, THREAD, null, null)));

        List<FakeSlackWebApi.PostedMessage> messages = awaitMessages(1);
        assertThat(messages.getFirst().threadTs()).isEqualTo(THREAD);
        assertThat(messages.getFirst().text()).isEqualTo("All green &amp; &lt;fine&gt;");
        RecordedRequest request = slack.postsTo(channel).getFirst();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + SLACK_BOT_TOKEN);
        assertThat(request.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void splitsATextLongerThanSlackKeeps() {
        String text = ("y".repeat(999) + "\n").repeat(50);

        reply(ReplyPayload.ok("ezra", text).withReplyTo(new ReplyAddress(channel, THREAD, null, null)));

        List<FakeSlackWebApi.PostedMessage> messages = awaitMessages(2);
        assertThat(messages).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(39_000));
        assertThat(messages.get(0).text() + messages.get(1).text()).isEqualTo(text);
    }

    @Test
    void waitsOutSlacksRateLimitAndDeliversOnce() {
        slack.rateLimitNextPosts(channel, 1, 1);

        reply(ReplyPayload.ok("ezra", "after the limit").withReplyTo(new ReplyAddress(channel, THREAD, null, null)));

        assertThat(awaitMessages(1).getFirst().text()).isEqualTo("after the limit");
        assertThat(slack.postsTo(channel)).hasSize(2);
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> slack.messagesIn(channel).size() == 1);
    }

    @Test
    void retriesAnErrorThatMayPass() {
        slack.failNextPosts(channel, "internal_error", 1);

        reply(ReplyPayload.ok("ezra", "second try").withReplyTo(new ReplyAddress(channel, THREAD, null, null)));

        assertThat(awaitMessages(1).getFirst().text()).isEqualTo("second try");
        assertThat(slack.postsTo(channel)).hasSize(2);
    }

    @Test
    void deadLettersAReplyToAChannelThatIsGone() {
        slack.failNextPosts(channel, "channel_not_found", 1);

        Envelope reply = reply(ReplyPayload.ok("ezra", "nobody hears this")
                .withReplyTo(new ReplyAddress(channel, THREAD, null, null)));

        DeadLetterPayload dead = awaitDeadLetter(reply);
        assertThat(dead.lastError()).contains("channel_not_found").contains(channel);
        assertThat(dead.deliveries()).isEqualTo(1);
        assertThat(slack.messagesIn(channel)).isEmpty();
    }

    @Test
    void deadLettersAReplyWithoutAChannel() {
        Envelope reply = reply(ReplyPayload.ok("ezra", "where to?"));

        assertThat(awaitDeadLetter(reply).lastError()).contains("no Slack channel");
    }

    private Envelope reply(ReplyPayload payload) {
        Envelope envelope = ezra.originate(
                EnvelopeKind.REPLY,
                "slack:" + channel,
                "ezra",
                new Sender("slack", SLACK_USER, SLACK_USER),
                payload,
                null);
        MeshTestSupport.publish(jetStream, subjects.out("slack"), envelope);
        return envelope;
    }

    private List<FakeSlackWebApi.PostedMessage> awaitMessages(int count) {
        return await().atMost(Duration.ofSeconds(15))
                .until(() -> slack.messagesIn(channel), list -> list.size() >= count);
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

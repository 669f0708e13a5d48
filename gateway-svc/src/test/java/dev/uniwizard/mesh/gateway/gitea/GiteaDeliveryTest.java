package dev.uniwizard.mesh.gateway.gitea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.ReplyPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.platforms.FakeGiteaApi;
import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer.Answer;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(GiteaTestProfile.class)
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "gateway-test"), @ResourceArg(name = "role", value = "gateway")
        })
@WithTestResource(FakeGiteaResource.class)
class GiteaDeliveryTest {

    private static final String REPO = FakeGiteaResource.REPO;

    FakeGiteaApi gitea;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    private final EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);

    @Test
    void postsASignedReplyAsACommentOnTheIssue() {
        long issue = gitea.addIssue(REPO, "Docs are stale", "", "alice");

        publish(reply(ReplyPayload.ok("ezra", "I will update docs/install.md today."), REPO, issue));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !gitea.issue(REPO, issue).comments().isEmpty());
        FakeGiteaApi.FakeComment comment = gitea.issue(REPO, issue).comments().getFirst();
        assertThat(comment.user()).isEqualTo("mesh-bot");
        assertThat(comment.body()).startsWith("**Ezra**: I will update docs/install.md today.");
    }

    @Test
    void aServerErrorIsRetriedWithoutPostingTwice() {
        long issue = gitea.addIssue(REPO, "Flaky", "", "alice");
        Envelope reply = reply(ReplyPayload.ok("ezra", "Done."), REPO, issue);
        String comments = "/api/v1/repos/acme/app/issues/" + issue + "/comments";
        // The first attempt "fails" after Gitea stored the comment (an answer lost on the way).
        gitea.addComment(REPO, issue, "mesh-bot", "**Ezra**: Done.\n\n<!-- mesh-reply " + reply.id() + " -->");
        gitea.failNext(
                r -> r.method().equals("POST") && r.path().equals(comments),
                1,
                Answer.json(502, "{\"message\":\"bad gateway\"}"));

        publish(reply);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !gitea.requests("GET", comments).isEmpty());
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(5))
                .until(() -> gitea.requests("POST", comments).size() == 1);
        assertThat(gitea.issue(REPO, issue).comments()).hasSize(1);
    }

    @Test
    void aMissingIssueIsUndeliverable() {
        double before = MeshTestSupport.count(registry, "mesh.gateway.delivery", "outcome", "undeliverable");

        publish(reply(ReplyPayload.ok("ezra", "hello?"), REPO, 9999));
        publish(reply(ReplyPayload.ok("ezra", "nowhere"), null, 0));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> MeshTestSupport.count(registry, "mesh.gateway.delivery", "outcome", "undeliverable")
                        >= before + 2);
    }

    private Envelope reply(ReplyPayload payload, String repo, long issue) {
        ReplyAddress address = repo == null ? null : new ReplyAddress(repo, String.valueOf(issue), null, null);
        return ezra.originate(
                EnvelopeKind.REPLY,
                "gitea:acme:app:" + issue,
                "ezra",
                new Sender("gitea", "alice", "alice"),
                payload.withReplyTo(address),
                null);
    }

    private void publish(Envelope reply) {
        MeshTestSupport.publish(jetStream, subjects.out("gitea"), reply);
    }
}

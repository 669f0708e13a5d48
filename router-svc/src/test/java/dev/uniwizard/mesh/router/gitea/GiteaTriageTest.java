package dev.uniwizard.mesh.router.gitea;

import static dev.uniwizard.mesh.router.gitea.GiteaTriageResource.REPO;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.core.payload.ReplyAddress;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestKeyring;
import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import dev.uniwizard.mesh.testkit.platforms.FakeGiteaApi;
import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer.Answer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gitea webhooks as the gateway publishes them, triaged against a real (fake) Gitea over HTTP and a scripted model.
 * The model answers 500 whenever a test has not scripted it, so those tests see the rules' answer.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "router-test"), @ResourceArg(name = "role", value = "router")})
@WithTestResource(GiteaTriageResource.class)
class GiteaTriageTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    Connection connection;

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    MeterRegistry registry;

    FakeGiteaApi gitea;

    ScriptedChatServer model;

    private final EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);
    private SubjectRecorder seen;

    @BeforeEach
    void watch() {
        seen = SubjectRecorder.watch(connection, subjects.taskAll(), subjects.outAll());
    }

    @AfterEach
    void stopWatching() {
        seen.close();
    }

    @Test
    void anOpenedIssueIsLabelledAssignedCommentedAndRoutedWithItsAddress() {
        long number =
                gitea.addIssue(REPO, "Docs are stale", "The setup guide is out of date.", "alice", "documentation");
        long latencies = latencyCount();

        Envelope webhook = publish(opened(
                "issues", number, "Docs are stale", "The setup guide is out of date.", List.of("documentation")));

        TaskPayload task = awaitTask("ezra", webhook);
        assertThat(task.replyPlatform()).isEqualTo("gitea");
        assertThat(task.replyTo()).isEqualTo(new ReplyAddress(REPO, String.valueOf(number), null, null));
        assertThat(task.routedBecause()).isEqualTo("rule docs: label documentation");
        assertThat(task.text())
                .startsWith("issues opened on acme/app#" + number + ": \"Docs are stale\"\n"
                        + "http://gitea.test/acme/app/issues/" + number + "\n"
                        + "By alice. Labels: documentation.")
                .endsWith("\n\nThe setup guide is out of date.");
        FakeGiteaApi.FakeIssue issue = gitea.issue(REPO, number);
        assertThat(issue.labels()).containsExactlyInAnyOrder("documentation", "docs", "house/ezra");
        assertThat(issue.assignees()).containsExactly("ezra-bot");
        assertThat(issue.comments())
                .extracting(FakeGiteaApi.FakeComment::body)
                .containsExactly("Routed to Ezra (archivist): rule docs: label documentation");
        assertThat(latencyCount()).isEqualTo(latencies + 1);
        assertThat(seen.on(subjects.out("gitea")))
                .as("no notice: the house is up")
                .isEmpty();
    }

    @Test
    void theSameWebhookDeliveredTwiceCommentsOnce() {
        long number = gitea.addIssue(REPO, "Build breaks on main", "The build fails since yesterday.", "alice");
        GiteaEventPayload event =
                opened("issues", number, "Build breaks on main", "The build fails since yesterday.", List.of());

        TaskPayload first = awaitTask("bezalel", publish(event));
        TaskPayload second = awaitTask("bezalel", publish(event));

        assertThat(first.routedBecause()).isEqualTo("rule code: keyword 'build'");
        assertThat(second).isEqualTo(first);
        FakeGiteaApi.FakeIssue issue = gitea.issue(REPO, number);
        assertThat(issue.comments()).hasSize(1);
        assertThat(issue.labels()).containsExactlyInAnyOrder("code", "house/bezalel");
        assertThat(issue.assignees()).containsExactly("bezalel-bot");
    }

    @Test
    void aTransientGiteaFailureIsRetriedAndAPermanentOneStillRoutes() {
        long number = gitea.addIssue(REPO, "Fix the README", "Typos.", "alice");
        String labelsPath = "/api/v1/repos/acme/app/issues/" + number + "/labels";
        gitea.failNext(
                r -> r.method().equals("POST") && r.path().equals(labelsPath),
                1,
                Answer.json(503, "{\"message\":\"try later\"}"));

        TaskPayload retried =
                awaitTask("ezra", publish(opened("issues", number, "Fix the README", "Typos.", List.of())));

        assertThat(retried.routedBecause()).isEqualTo("rule docs: keyword 'readme'");
        assertThat(gitea.requests("POST", labelsPath)).hasSize(2);
        assertThat(gitea.issue(REPO, number).comments()).hasSize(1);

        TaskPayload missing =
                awaitTask("ezra", publish(opened("issues", 9_999, "Fix the README", "Typos.", List.of())));
        assertThat(missing.routedBecause())
                .startsWith("rule docs: keyword 'readme'; Gitea labelling failed: repository or issue not found");
    }

    @Test
    void aPullRequestsFilesAreFetchedForPathRules() {
        long number = gitea.addPull(
                REPO,
                "Refresh the guide",
                "",
                "alice",
                "guide",
                "main",
                List.of("docs/guide/setup.md", "src/Main.java"));

        TaskPayload task =
                awaitTask("ezra", publish(opened("pull_request", number, "Refresh the guide", "", List.of())));

        assertThat(task.routedBecause()).isEqualTo("rule docs: path docs/guide/setup.md matches docs/**");
        assertThat(task.text()).contains("Files: docs/guide/setup.md, src/Main.java.");
        assertThat(gitea.issue(REPO, number).labels()).containsExactlyInAnyOrder("docs", "house/ezra");
    }

    @Test
    void anIssueAddressingAHouseGoesThereWithoutAskingTheModel() {
        long number = gitea.addIssue(
                REPO, "@bezalel please add a retry", "Labelled docs by mistake.", "alice", "documentation");
        int modelCalls = model.requests().size();

        TaskPayload task = awaitTask(
                "bezalel",
                publish(opened(
                        "issues",
                        number,
                        "@bezalel please add a retry",
                        "Labelled docs by mistake.",
                        List.of("documentation"))));

        assertThat(task.routedBecause()).isEqualTo("addressed to bezalel");
        assertThat(model.requests()).hasSize(modelCalls);
        assertThat(gitea.issue(REPO, number).comments())
                .extracting(FakeGiteaApi.FakeComment::body)
                .containsExactly("Routed to Bezalel (artificer): addressed to bezalel");
    }

    @Test
    void theModelsChoiceIsUsedAndGarbageFallsBackToTheRules() {
        long chosen = gitea.addIssue(REPO, "Something odd", "It sometimes hangs.", "alice");
        model.enqueue(text("{\"house\":\"bezalel\",\"labels\":[\"code\",\"urgent\"],\"reason\":\"a hang to fix\"}"));

        TaskPayload byModel = awaitTask(
                "bezalel", publish(opened("issues", chosen, "Something odd", "It sometimes hangs.", List.of())));

        assertThat(byModel.routedBecause()).isEqualTo("model: a hang to fix");
        assertThat(gitea.issue(REPO, chosen).labels()).containsExactlyInAnyOrder("code", "house/bezalel");
        assertThat(gitea.issue(REPO, chosen).comments())
                .extracting(FakeGiteaApi.FakeComment::body)
                .containsExactly("Routed to Bezalel (artificer): model: a hang to fix");
        assertThat(model.lastRequest().body().at("/messages/1/content").asText())
                .contains("Something odd")
                .contains("It sometimes hangs.");

        long garbled = gitea.addIssue(REPO, "Update documentation", "For 1.2.", "alice");
        double invalid = count("mesh.router.triage.model", "outcome", "invalid");
        model.enqueue(text("Ezra, I would say."));

        TaskPayload byRules =
                awaitTask("ezra", publish(opened("issues", garbled, "Update documentation", "For 1.2.", List.of())));

        assertThat(byRules.routedBecause()).isEqualTo("rule docs: keyword 'documentation'");
        assertThat(count("mesh.router.triage.model", "outcome", "invalid")).isEqualTo(invalid + 1);
        assertThat(model.remainingSteps()).isZero();
    }

    @Test
    void commentsAreRoutedOnlyWhenTheyAddressAHouseAndNeverFromTheHousesThemselves() {
        long number = gitea.addIssue(REPO, "Flaky test", "CI fails now and then.", "alice");
        double ignored = count("mesh.router.gitea", "event", "issue_comment", "outcome", "ignored");

        Envelope fromHouse = publish(comment(number, "ezra-bot", "@bezalel could you look at the log?"));
        Envelope unaddressed = publish(comment(number, "carol", "Same here."));
        Envelope routerOwn = publish(comment(number, "mesh-bot", "Routed to Ezra (archivist): mentions @ezra"));
        Envelope addressed = publish(comment(number, "carol", "@bezalel, can you reproduce it?"));

        TaskPayload task = awaitTask("bezalel", addressed);
        assertThat(task.text())
                .startsWith("issue_comment created on acme/app#" + number + ": \"Flaky test\"")
                .endsWith("\n\ncan you reproduce it?");
        assertThat(task.routedBecause()).isEqualTo("addressed to bezalel");
        assertThat(task.replyTo()).isEqualTo(new ReplyAddress(REPO, String.valueOf(number), null, null));
        await().atMost(WAIT)
                .until(() -> count("mesh.router.gitea", "event", "issue_comment", "outcome", "ignored") >= ignored + 3);
        for (Envelope refused : List.of(fromHouse, unaddressed, routerOwn)) {
            assertThat(seen.envelopesOn(subjects.task("bezalel")))
                    .noneMatch(e -> e.correlationId().equals(refused.correlationId()));
            assertThat(seen.envelopesOn(subjects.task("ezra")))
                    .noneMatch(e -> e.correlationId().equals(refused.correlationId()));
        }
        assertThat(gitea.issue(REPO, number).comments())
                .as("comments get no routing comment")
                .isEmpty();
    }

    @Test
    void pushesAreRoutedOnlyByPushRules() {
        double ignored = count("mesh.router.gitea", "event", "push", "outcome", "ignored");

        Envelope other = publish(push(List.of("src/Main.java")));
        Envelope release = publish(push(List.of("release/1.2.md", "src/Main.java")));

        TaskPayload task = awaitTask("timmy", release);
        assertThat(task.routedBecause()).isEqualTo("rule releases: path release/1.2.md matches release/**");
        assertThat(task.replyTo()).isEqualTo(ReplyAddress.chat(REPO));
        await().atMost(WAIT).until(() -> count("mesh.router.gitea", "event", "push", "outcome", "ignored") > ignored);
        assertThat(seen.all())
                .noneMatch(m -> SubjectRecorder.envelope(m).correlationId().equals(other.id()));
    }

    private Envelope publish(GiteaEventPayload event) {
        String conversation = "gitea:acme:app:" + (event.number() == null ? "push" : event.number());
        Envelope envelope = gateway.originate(
                EnvelopeKind.WEBHOOK,
                conversation,
                null,
                new Sender("gitea", event.sender(), event.sender()),
                event,
                null);
        MeshTestSupport.publish(jetStream, subjects.in("gitea"), envelope);
        return envelope;
    }

    private TaskPayload awaitTask(String house, Envelope cause) {
        Envelope task = await().atMost(WAIT)
                .until(
                        () -> seen.envelopesOn(subjects.task(house)).stream()
                                .filter(e -> e.correlationId().equals(cause.correlationId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        return SubjectRecorder.payload(task, TaskPayload.class);
    }

    private static GiteaEventPayload opened(String event, long number, String title, String body, List<String> labels) {
        String kind = event.equals("issues") ? "issues" : "pulls";
        return new GiteaEventPayload(
                event,
                "opened",
                "delivery-" + System.nanoTime(),
                REPO,
                number,
                title,
                body,
                labels,
                List.of(),
                "alice",
                "http://gitea.test/acme/app/" + kind + "/" + number,
                null,
                Instant.now());
    }

    private static GiteaEventPayload comment(long number, String sender, String body) {
        return new GiteaEventPayload(
                "issue_comment",
                "created",
                "delivery-" + System.nanoTime(),
                REPO,
                number,
                "Flaky test",
                body,
                List.of(),
                List.of(),
                sender,
                "http://gitea.test/acme/app/issues/" + number + "#issuecomment-1",
                null,
                Instant.now());
    }

    private static GiteaEventPayload push(List<String> paths) {
        return new GiteaEventPayload(
                "push",
                null,
                "delivery-" + System.nanoTime(),
                REPO,
                null,
                "Cut the release",
                null,
                List.of(),
                paths,
                "alice",
                "http://gitea.test/acme/app/compare/a...b",
                "refs/heads/main",
                Instant.now());
    }

    private long latencyCount() {
        Timer timer = registry.find("mesh.router.triage.latency").timer();
        return timer == null ? 0 : timer.count();
    }

    private double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}

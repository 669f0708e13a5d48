package dev.uniwizard.mesh.house.messaging;

import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.status;
import static dev.uniwizard.mesh.testkit.llm.ScriptedChatServer.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Ids;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MessagePayload;
import dev.uniwizard.mesh.core.payload.TaskPayload;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.contract.HouseAgentResource;
import dev.uniwizard.mesh.house.contract.HouseAgentTest;
import dev.uniwizard.mesh.house.runtime.TaskProcessor;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.SubjectRecorder;
import dev.uniwizard.mesh.testkit.TestExchanges;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * House {@code keeper} publishes a signed {@link TurnEvent} on {@code <root>.events.turn} for every task it answers or
 * gives up, with an id derived from the task's: ok, failed (an error reply), retried (answered on a redelivery, after
 * the model was down on the first), given up (no reply platform); none for a task refused for its origin.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "keeper-test"), @ResourceArg(name = "role", value = "house")})
@WithTestResource(HouseAgentResource.class)
class TurnEventAgentTest extends HouseAgentTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MeterRegistry registry;

    private SubjectRecorder events;

    @Override
    protected String house() {
        return "keeper";
    }

    @BeforeEach
    void watchEvents() {
        events = SubjectRecorder.watch(connection, subjects.eventsAll());
    }

    @AfterEach
    void stopWatching() {
        events.close();
    }

    @Test
    void anAnsweredTaskIsAnOkTurn() {
        double before = MeshTestSupport.count(registry, TurnRecorder.TURNS, "outcome", TurnEvent.OK);
        Envelope message = TestExchanges.operatorMessage("keeper", "/tool echo text=hello");
        Envelope task = publishTask(TestExchanges.routedTask(message, "keeper", "/tool echo text=hello"));

        Envelope event = awaitTurn(task);

        assertThat(event.id()).isEqualTo(Ids.derive(task.id(), "turn"));
        assertThat(event.kind()).isEqualTo(EnvelopeKind.EVENT);
        assertThat(event.nodeId()).isEqualTo("keeper-test");
        TurnEvent turn = SubjectRecorder.payload(event, TurnEvent.class);
        assertThat(turn.house()).isEqualTo("keeper");
        assertThat(turn.taskId()).isEqualTo(task.id());
        assertThat(turn.correlationId()).isEqualTo(message.id());
        assertThat(turn.conversationId()).isEqualTo(message.conversationId());
        assertThat(turn.mode()).isEqualTo("intelligent");
        assertThat(turn.outcome()).isEqualTo(TurnEvent.OK);
        assertThat(turn.attempt()).isEqualTo(1);
        assertThat(turn.durationMillis()).isNotNegative();
        assertThat(turn.toolCalls()).isEqualTo(1);
        assertThat(turn.receivedFrom()).isEqualTo(TurnEvent.OPERATOR);
        assertThat(turn.sent()).isEqualTo(Map.of(TurnEvent.OPERATOR, 1));
        assertThat(turn.errorCode()).isNull();
        assertThat(turn.at()).isNotNull();
        assertThat(MeshTestSupport.count(registry, TurnRecorder.TURNS, "outcome", TurnEvent.OK))
                .isEqualTo(before + 1);
    }

    @Test
    void anErrorReplyIsAFailedTurnWithItsCode() {
        Envelope message = TestExchanges.operatorMessage("keeper", "/tool file_read path=missing.md");
        Envelope task = publishTask(TestExchanges.routedTask(message, "keeper", "/tool file_read path=missing.md"));

        TurnEvent turn = SubjectRecorder.payload(awaitTurn(task), TurnEvent.class);

        assertThat(turn.outcome()).isEqualTo(TurnEvent.FAILED);
        assertThat(turn.errorCode()).isEqualTo(TaskProcessor.TOOL_FAILED);
        assertThat(turn.attempt()).isEqualTo(1);
        assertThat(turn.toolCalls()).isEqualTo(1);
        assertThat(turn.sent()).isEqualTo(Map.of(TurnEvent.OPERATOR, 1));
    }

    @Test
    void aTaskAnsweredOnItsRedeliveryIsARetriedTurnAndTheFailedAttemptPublishesNothing() {
        // Attempt 1: the model answers 500 twice (house.model.max-attempts=2), so the task is delivered again.
        model().enqueue(status(500), status(500), text("Back again."));
        Envelope message = TestExchanges.operatorMessage("keeper", "are you there?");
        Envelope task = publishTask(TestExchanges.routedTask(message, "keeper", "are you there?"));

        TurnEvent turn = SubjectRecorder.payload(awaitTurn(task), TurnEvent.class);

        assertThat(turn.outcome()).isEqualTo(TurnEvent.RETRIED);
        assertThat(turn.attempt()).isEqualTo(2);
        assertThat(turn.toolCalls()).isZero();
        assertThat(turn.errorCode()).isNull();
        assertThat(turn.sent())
                .as("the interim notice is no message of the turn")
                .isEqualTo(Map.of("operator", 1));
        assertThat(turnsOf(task)).hasSize(1);
        model().verify();
    }

    @Test
    void aTaskOfTheSchedulerAndOneOfAHouseAreClassedByTheirSender() {
        Envelope scheduled = publishTask(TestKeyring.shared()
                .signer("scheduler-test", NodeRole.SERVICE)
                .originate(
                        EnvelopeKind.TASK,
                        "job:turns",
                        "keeper",
                        new Sender(Platforms.SCHEDULER, "turns", "job turns"),
                        new TaskPayload("/tool echo text=tick", Platforms.SCHEDULER, "scheduled job turns", null),
                        null));
        Envelope fromEzra = TestKeyring.shared()
                .signer("ezra-test", NodeRole.HOUSE)
                .originate(
                        EnvelopeKind.MESSAGE,
                        "conv-mesh-" + System.nanoTime(),
                        "keeper",
                        new Sender(Platforms.MESH, "ezra", "Ezra, the archivist"),
                        new MessagePayload("/tool echo text=hi"),
                        null);
        Envelope housed = publishTask(TestKeyring.shared()
                .signer("router-test", NodeRole.ROUTER)
                .follow(
                        fromEzra,
                        "task",
                        EnvelopeKind.TASK,
                        "keeper",
                        new TaskPayload("/tool echo text=hi", Platforms.MESH, "addressed"),
                        null));

        TurnEvent scheduledTurn = SubjectRecorder.payload(awaitTurn(scheduled), TurnEvent.class);
        TurnEvent housedTurn = SubjectRecorder.payload(awaitTurn(housed), TurnEvent.class);

        assertThat(scheduledTurn.receivedFrom()).isEqualTo(TurnEvent.SCHEDULER);
        assertThat(scheduledTurn.sent()).isEqualTo(Map.of(TurnEvent.SCHEDULER, 1));
        assertThat(housedTurn.receivedFrom()).isEqualTo(TurnEvent.HOUSE);
        assertThat(housedTurn.sent()).isEqualTo(Map.of(TurnEvent.HOUSE, 1));
    }

    @Test
    void aTaskGivenUpIsAFailedTurnButARefusedOneIsNoTurn() {
        Envelope unanswerable = publishTask(TestKeyring.shared()
                .signer("router-test", NodeRole.ROUTER)
                .originate(
                        EnvelopeKind.TASK,
                        "conv-nowhere-" + System.nanoTime(),
                        "keeper",
                        new Sender("Not A Platform", "x", "X"),
                        new TaskPayload("/help", null, "test"),
                        null));
        Envelope refused = publishTask(TestKeyring.shared()
                .signer("memory-test", NodeRole.SERVICE)
                .originate(
                        EnvelopeKind.TASK,
                        "conv-sneaky-" + System.nanoTime(),
                        "keeper",
                        new Sender(Platforms.HTTP, "mallory", "Mallory"),
                        new TaskPayload("/tool echo text=hi", Platforms.HTTP, "test"),
                        null));

        TurnEvent gaveUp = SubjectRecorder.payload(awaitTurn(unanswerable), TurnEvent.class);
        assertThat(gaveUp.outcome()).isEqualTo(TurnEvent.FAILED);
        assertThat(gaveUp.errorCode()).isEqualTo(TurnRecorder.GIVEN_UP);
        assertThat(gaveUp.attempt()).isEqualTo(1);
        assertThat(gaveUp.sent()).isEmpty();

        await().atMost(WAIT).until(() -> events.envelopesOn(subjects.events(Subjects.EVENT_DEAD_LETTER)).stream()
                .anyMatch(dead -> dead.payload().path("original").asText().contains(refused.id())));
        assertThat(turnsOf(refused)).isEmpty();
    }

    private Envelope publishTask(Envelope task) {
        MeshTestSupport.publish(jetStream, subjects.task("keeper"), task);
        return task;
    }

    private Envelope awaitTurn(Envelope task) {
        return await().atMost(WAIT)
                .until(() -> turnsOf(task).stream().findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private java.util.List<Envelope> turnsOf(Envelope task) {
        return events.envelopesOn(subjects.events(Subjects.EVENT_TURN)).stream()
                .filter(event -> task.id().equals(event.payload().path("taskId").asText()))
                .toList();
    }
}

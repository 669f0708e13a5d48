package dev.uniwizard.mesh.observatory.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.config.StatsConfig;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStream;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** How turn and tool-call events get into the store: only from house nodes, checked, once, and kept 30 days. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-stats"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(NovaHouseKey.class)
class StatsIngestTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    JetStream jetStream;

    @Inject
    Subjects subjects;

    @Inject
    Jdbi jdbi;

    @Inject
    MeterRegistry registry;

    @Inject
    StatsEventStore store;

    @Inject
    KnownHouses houses;

    @Inject
    StatsConfig config;

    @Inject
    Clock clock;

    @Test
    void countsAndDeadLettersATurnEventWhosePayloadCannotBeRead() {
        EnvelopeSigner ezra = StatsEvents.house("ezra-test");
        double malformed = invalid("turn", InvalidStatsEvent.MALFORMED);
        double badField = invalid("turn", InvalidStatsEvent.BAD_FIELD);
        double deadLettered = workerOutcome(StatsEventConsumers.TURN_DURABLE, "dead_lettered");

        Envelope unreadable = events().publish(
                        ezra, Subjects.EVENT_TURN, Map.of("house", "ezra", "outcome", "ok", "at", "yesterday"));
        Envelope notATurn = events().publish(ezra, Subjects.EVENT_TURN, Map.of("text", "hello"));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(invalid("turn", InvalidStatsEvent.MALFORMED)).isEqualTo(malformed + 1);
            assertThat(invalid("turn", InvalidStatsEvent.BAD_FIELD)).isEqualTo(badField + 1);
            assertThat(workerOutcome(StatsEventConsumers.TURN_DURABLE, "dead_lettered"))
                    .isEqualTo(deadLettered + 2);
        });
        assertThat(events().stored("turn_events", unreadable)).isZero();
        assertThat(events().stored("turn_events", notATurn)).isZero();
    }

    @Test
    void refusesATurnWithFieldsOutOfRangeOrAboutAnotherHouse() {
        EnvelopeSigner ezra = StatsEvents.house("ezra-test");
        double badField = invalid("turn", InvalidStatsEvent.BAD_FIELD);
        double notTheHouse = invalid("turn", InvalidStatsEvent.NOT_THE_HOUSE);
        double badToolCall = invalid("toolcall", InvalidStatsEvent.BAD_FIELD);

        Envelope negative = events().publishTurn(
                        ezra, StatsEvents.turn("ezra", "ok", 1, -5, 0, "operator", Map.of(), Instant.now()));
        Envelope unknownOutcome = events().publishTurn(
                        ezra, StatsEvents.turn("ezra", "great", 1, 5, 0, "operator", Map.of(), Instant.now()));
        Envelope forTimmy = events().publishTurn(
                        ezra, StatsEvents.turn("timmy", "ok", 1, 5, 0, "operator", Map.of(), Instant.now()));
        Envelope noTool = events().publishToolCall(
                        ezra, new ToolCallEvent("ezra", " ", null, "ok", 1, 5, "simple", "c", "x", Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(invalid("turn", InvalidStatsEvent.BAD_FIELD)).isEqualTo(badField + 2);
            assertThat(invalid("turn", InvalidStatsEvent.NOT_THE_HOUSE)).isEqualTo(notTheHouse + 1);
            assertThat(invalid("toolcall", InvalidStatsEvent.BAD_FIELD)).isEqualTo(badToolCall + 1);
        });
        assertThat(events().stored("turn_events", negative)).isZero();
        assertThat(events().stored("turn_events", unknownOutcome)).isZero();
        assertThat(events().stored("turn_events", forTimmy)).isZero();
        assertThat(events().stored("tool_call_events", noTool)).isZero();
    }

    @Test
    void rejectsTurnEventsFromNodesThatAreNotHouses() {
        EnvelopeSigner gateway = TestKeyring.shared().signer("gateway-test", NodeRole.GATEWAY);
        double rejected = workerOutcome(StatsEventConsumers.TURN_DURABLE, "rejected");
        double roleNotAllowed =
                registry.find("mesh.envelopes.rejected").tag("reason", "role_not_allowed").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum();

        Envelope forged = events().publishTurn(
                        gateway, StatsEvents.turn("ezra", "ok", 1, 5, 0, "operator", Map.of(), Instant.now()));

        await().atMost(WAIT).until(() -> workerOutcome(StatsEventConsumers.TURN_DURABLE, "rejected") == rejected + 1);
        assertThat(registry.find("mesh.envelopes.rejected").tag("reason", "role_not_allowed").counters().stream()
                        .mapToDouble(Counter::count)
                        .sum())
                .isEqualTo(roleNotAllowed + 1);
        assertThat(events().stored("turn_events", forged)).isZero();
    }

    @Test
    void acceptsEventsFromAnyInstanceOfTheHouse() {
        Envelope fromSecondInstance = events().publishToolCall(
                        StatsEvents.house(NovaHouseKey.NODE),
                        StatsEvents.toolCall(NovaHouseKey.HOUSE, "echo", "ok", Instant.now()));

        await().atMost(WAIT).until(() -> events().stored("tool_call_events", fromSecondInstance) == 1);
    }

    @Test
    void storesARedeliveredEventOnce() {
        ReceivedEvent<TurnEvent> turn = new ReceivedEvent<>(
                UUID.randomUUID().toString(),
                "timmy-test",
                Instant.now(),
                StatsEvents.turn(
                        "timmy",
                        "ok",
                        1,
                        10,
                        0,
                        "operator",
                        Map.of(),
                        Instant.now().minusSeconds(3 * 3600)));
        ReceivedEvent<ToolCallEvent> call = new ReceivedEvent<>(
                UUID.randomUUID().toString(),
                "timmy-test",
                Instant.now(),
                StatsEvents.toolCall("timmy", "echo", "ok", Instant.now().minusSeconds(3 * 3600)));

        assertThat(store.insertTurn(turn)).isTrue();
        assertThat(store.insertTurn(turn)).isFalse();
        assertThat(store.insertToolCall(call)).isTrue();
        assertThat(store.insertToolCall(call)).isFalse();

        assertThat(events().stored("turn_events", turn.envelopeId())).isEqualTo(1);
        assertThat(events().stored("tool_call_events", call.envelopeId())).isEqualTo(1);
    }

    @Test
    void theLeaderDeletesEventsOlderThanTheRetentionAndForgetsHousesGoneAsLong() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        Instant recent = Instant.now().minus(Duration.ofDays(1));
        ReceivedEvent<TurnEvent> oldTurn = received("timmy-test", turnAt("timmy", old));
        ReceivedEvent<TurnEvent> recentTurn = received("timmy-test", turnAt("timmy", recent));
        ReceivedEvent<ToolCallEvent> oldCall = received("timmy-test", StatsEvents.toolCall("timmy", "echo", "ok", old));
        ReceivedEvent<ToolCallEvent> ghostCall = received("ghost-1", StatsEvents.toolCall("ghost", "echo", "ok", old));
        store.insertTurn(oldTurn);
        store.insertTurn(recentTurn);
        store.insertToolCall(oldCall);
        store.insertToolCall(ghostCall);
        assertThat(houses.all()).contains("ghost");

        StatsSweeper follower = sweeper(false, 5000);
        assertThat(follower.sweepIfLeader()).isZero();
        assertThat(events().stored("turn_events", oldTurn.envelopeId())).isEqualTo(1);

        assertThat(sweeper(true, 5000).sweepIfLeader()).isGreaterThanOrEqualTo(3);

        assertThat(events().stored("turn_events", oldTurn.envelopeId())).isZero();
        assertThat(events().stored("tool_call_events", oldCall.envelopeId())).isZero();
        assertThat(events().stored("tool_call_events", ghostCall.envelopeId())).isZero();
        assertThat(events().stored("turn_events", recentTurn.envelopeId())).isEqualTo(1);
        assertThat(houses.all()).doesNotContain("ghost").contains("timmy");
    }

    @Test
    void sweepsInBatchesUntilNothingOldIsLeft() {
        Instant old = Instant.now().minus(Duration.ofDays(31));
        for (int i = 0; i < 7; i++) {
            store.insertTurn(received("bezalel-test", turnAt("bezalel", old.minusSeconds(i))));
        }
        assertThat(sweeper(true, 2).sweep()).isGreaterThanOrEqualTo(7);

        int left = jdbi.withHandle(
                handle -> handle.createQuery("SELECT count(*) FROM turn_events WHERE at < now() - interval '30 days'")
                        .mapTo(Integer.class)
                        .one());
        assertThat(left).isZero();
    }

    private StatsSweeper sweeper(boolean leader, int batch) {
        return new StatsSweeper(jdbi, () -> leader, houses, config.retention(), batch, 100, clock, registry);
    }

    private static TurnEvent turnAt(String house, Instant at) {
        return StatsEvents.turn(house, "ok", 1, 10, 0, "operator", Map.of(), at);
    }

    private static <T> ReceivedEvent<T> received(String node, T event) {
        return new ReceivedEvent<>(UUID.randomUUID().toString(), node, Instant.now(), event);
    }

    private StatsEvents events() {
        return new StatsEvents(jetStream, subjects, jdbi);
    }

    private double invalid(String type, String reason) {
        return registry.find(StatsEventConsumers.INVALID).tag("type", type).tag("reason", reason).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double workerOutcome(String consumer, String outcome) {
        return registry
                .find("mesh.worker.messages")
                .tag("consumer", consumer)
                .tag("outcome", outcome)
                .counters()
                .stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}

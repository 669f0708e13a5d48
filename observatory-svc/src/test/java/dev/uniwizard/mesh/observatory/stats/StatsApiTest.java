package dev.uniwizard.mesh.observatory.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStream;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The numbers of {@code GET /api/v1/stats} and {@code /api/v1/stats/series} from events published as houses publish
 * them: house ezra's turns and tool calls (below), bezalel's inbox, nova seen only in events.
 */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-stats"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(NovaHouseKey.class)
class StatsApiTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    /** When ezra's events were made; every time below is relative to it. */
    private static Instant now;

    private static final List<Envelope> published = new ArrayList<>();

    @Inject
    JetStream jetStream;

    @Inject
    JetStreamManagement jsm;

    @Inject
    MeshStreams streams;

    @Inject
    Subjects subjects;

    @Inject
    Jdbi jdbi;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void publishEzrasEventsOnce() {
        synchronized (published) {
            if (!published.isEmpty()) {
                return;
            }
            double storedBefore = counter(StatsEventConsumers.STORED, "turn", "stored");
            now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            EnvelopeSigner ezra = StatsEvents.house("ezra-test");
            StatsEvents events = events();
            List<TurnEvent> turns = List.of(
                    StatsEvents.turn("ezra", "ok", 1, 100, 0, "operator", Map.of("operator", 1), ago(1)),
                    StatsEvents.turn("ezra", "ok", 1, 200, 1, "operator", Map.of("operator", 1), ago(2)),
                    StatsEvents.turn(
                            "ezra", "retried", 2, 300, 2, "scheduler", Map.of("operator", 1, "house", 2), ago(10)),
                    StatsEvents.turn("ezra", "ok", 1, 400, 3, "house", Map.of("house", 1), ago(20)),
                    StatsEvents.turn("ezra", "failed", 1, 1000, 4, "operator", Map.of(), ago(40)),
                    StatsEvents.turn("ezra", "ok", 1, 5000, 0, "service", Map.of("scheduler", 1), ago(120)));
            turns.forEach(turn -> published.add(events.publishTurn(ezra, turn)));
            List<Envelope> calls = List.of(
                    events.publishToolCall(ezra, StatsEvents.toolCall("ezra", "echo", "ok", ago(1))),
                    events.publishToolCall(ezra, StatsEvents.toolCall("ezra", "echo", "ok", ago(2))),
                    events.publishToolCall(ezra, StatsEvents.toolCall("ezra", "echo", "failed", ago(10))),
                    events.publishToolCall(ezra, StatsEvents.toolCall("ezra", "file_list", "denied", ago(20))),
                    events.publishToolCall(ezra, StatsEvents.toolCall("ezra", "file_write", "ok", ago(120))),
                    events.publishToolCall(
                            StatsEvents.house(NovaHouseKey.NODE),
                            StatsEvents.toolCall(NovaHouseKey.HOUSE, "echo", "ok", ago(5))));
            await().atMost(WAIT).untilAsserted(() -> {
                for (int i = 0; i < turns.size(); i++) {
                    assertThat(events.stored("turn_events", published.get(i)))
                            .as("turn %d stored", i)
                            .isEqualTo(1);
                }
                for (Envelope call : calls) {
                    assertThat(events.stored("tool_call_events", call)).isEqualTo(1);
                }
            });
            assertThat(counter(StatsEventConsumers.STORED, "turn", "stored")).isEqualTo(storedBefore + turns.size());
        }
    }

    @Test
    void computesOneHousesStatsOverTheLastHourByDefault() {
        JsonPath stats = getJson("/api/v1/stats?house=ezra");

        assertThat(stats.getString("house")).isEqualTo("ezra");
        assertThat(stats.getLong("turns")).isEqualTo(5);
        assertThat(stats.getDouble("turnsPerMinute")).isCloseTo(5 / 60.0, within(1e-6));
        assertThat(stats.getDouble("toolCallsPerTurn")).isCloseTo(2.0, within(1e-9));
        assertThat(stats.getDouble("turnP50Millis")).isCloseTo(300.0, within(1e-9));
        // percentile_cont over 100, 200, 300, 400, 1000: 400 + 0.8 * (1000 - 400)
        assertThat(stats.getDouble("turnP95Millis")).isCloseTo(880.0, within(1e-9));
        assertThat(stats.getMap("outcomes")).isEqualTo(Map.of("ok", 3, "retried", 1, "failed", 1));
        assertThat(stats.getMap("received")).isEqualTo(Map.of("operator", 3, "scheduler", 1, "house", 1, "service", 0));
        assertThat(stats.getMap("sent")).isEqualTo(Map.of("operator", 3, "house", 3, "scheduler", 0));
        assertThat(stats.getMap("tools")).isEqualTo(Map.of("echo", 3, "file_list", 1));
        assertThat(stats.getMap("toolOutcomes")).isEqualTo(Map.of("ok", 2, "failed", 1, "denied", 1));
        assertThat(Instant.parse(stats.getString("lastTurnAt"))).isEqualTo(ago(1));
        assertThat(stats.getDouble("secondsSinceLastTurn")).isBetween(60.0, 300.0);
        Instant since = Instant.parse(stats.getString("since"));
        Instant until = Instant.parse(stats.getString("until"));
        assertThat(Duration.between(since, until)).isEqualTo(Duration.ofHours(1));
        assertThat(stats.getString("inboxDepth")).as("ezra has no consumer").isNull();
    }

    @Test
    void takesSinceAsADurationOrAnInstant() {
        JsonPath threeHours = getJson("/api/v1/stats?house=ezra&since=3h");
        assertThat(threeHours.getLong("turns")).isEqualTo(6);
        assertThat(threeHours.getDouble("turnP50Millis")).isCloseTo(350.0, within(1e-9));
        assertThat(threeHours.getMap("received")).containsEntry("service", 1);
        assertThat(threeHours.getMap("sent")).containsEntry("scheduler", 1);
        assertThat(threeHours.getMap("tools")).containsEntry("file_write", 1);

        JsonPath fifteenMinutes = getJson("/api/v1/stats?house=ezra&since=" + ago(15));
        assertThat(fifteenMinutes.getLong("turns")).isEqualTo(3);
        assertThat(Instant.parse(fifteenMinutes.getString("since"))).isEqualTo(ago(15));
        assertThat(fifteenMinutes.getMap("outcomes")).isEqualTo(Map.of("ok", 2, "retried", 1, "failed", 0));
    }

    @Test
    void aHouseWithoutEventsHasZerosAndNoPercentiles() {
        JsonPath stats = getJson("/api/v1/stats?house=bezalel&since=1m");

        assertThat(stats.getLong("turns")).isZero();
        assertThat(stats.getDouble("turnsPerMinute")).isZero();
        assertThat(stats.getString("turnP50Millis")).isNull();
        assertThat(stats.getString("turnP95Millis")).isNull();
        assertThat(stats.getString("toolCallsPerTurn")).isNull();
        assertThat(stats.getMap("outcomes")).isEqualTo(Map.of("ok", 0, "retried", 0, "failed", 0));
        assertThat(stats.getMap("received")).isEqualTo(Map.of("operator", 0, "scheduler", 0, "house", 0, "service", 0));
        assertThat(stats.getMap("sent")).isEqualTo(Map.of("operator", 0, "house", 0, "scheduler", 0));
        assertThat(stats.getMap("tools")).isEmpty();
    }

    @Test
    void listsEveryConfiguredAndSeenHouseWithoutAHouse() {
        JsonPath all = getJson("/api/v1/stats");

        List<String> houses = all.getList("house");
        assertThat(houses).startsWith("timmy", "ezra", "bezalel").contains(NovaHouseKey.HOUSE);
        assertThat(all.getLong("find { it.house == 'ezra' }.turns")).isEqualTo(5);
        assertThat(all.getMap("find { it.house == 'nova' }.tools")).isEqualTo(Map.of("echo", 1));
        assertThat(all.getString("find { it.house == 'nova' }.lastTurnAt"))
                .as("nova never ended a turn")
                .isNull();
        getJson("/api/v1/stats?house=nova");
    }

    @Test
    void readsTheInboxDepthFromTheHousesConsumerOnTheTasksStream() throws Exception {
        jsm.addOrUpdateConsumer(
                streams.tasks(),
                ConsumerConfiguration.builder()
                        .durable("house-bezalel")
                        .filterSubject(subjects.task("bezalel"))
                        .ackPolicy(AckPolicy.Explicit)
                        .ackWait(Duration.ofMinutes(5))
                        .build());
        for (int i = 0; i < 3; i++) {
            jetStream.publish(subjects.task("bezalel"), ("task " + i).getBytes(StandardCharsets.UTF_8));
        }
        // One task is being worked on (delivered, not acknowledged): it still counts.
        Message taken = jetStream
                .getStreamContext(streams.tasks())
                .getConsumerContext("house-bezalel")
                .next(Duration.ofSeconds(5));
        assertThat(taken).isNotNull();

        JsonPath stats = getJson("/api/v1/stats?house=bezalel");

        assertThat(stats.getLong("inboxDepth")).isEqualTo(3);
    }

    @Test
    void seriesHasAlignedBucketsThatAddUpToTheTotals() {
        JsonPath series = getJson("/api/v1/stats/series?house=ezra&since=1h&step=10m");

        assertThat(series.getLong("stepSeconds")).isEqualTo(600);
        List<Long> time = series.getList("time", Long.class);
        List<Long> turns = series.getList("turns", Long.class);
        List<Long> failed = series.getList("failedTurns", Long.class);
        List<Double> p95 = series.getList("turnP95Millis", Double.class);
        List<Long> toolCalls = series.getList("toolCalls", Long.class);
        assertThat(time).hasSizeBetween(7, 8);
        assertThat(List.of(turns.size(), failed.size(), p95.size(), toolCalls.size()))
                .containsOnly(time.size());
        assertThat(time.getFirst() % 600).isZero();
        for (int i = 1; i < time.size(); i++) {
            assertThat(time.get(i) - time.get(i - 1)).isEqualTo(600);
        }
        Instant since = Instant.parse(series.getString("until")).minus(Duration.ofHours(1));
        assertThat(time.getFirst())
                .isLessThanOrEqualTo(since.getEpochSecond())
                .isGreaterThan(since.getEpochSecond() - 600);
        assertThat(turns.stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        assertThat(failed.stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        assertThat(toolCalls.stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
        int failedBucket = (int) ((ago(40).getEpochSecond() - time.getFirst()) / 600);
        assertThat(failed.get(failedBucket)).isEqualTo(1);
        assertThat(p95.get(failedBucket)).isEqualTo(1000.0);
        for (int i = 0; i < time.size(); i++) {
            assertThat(p95.get(i) == null)
                    .as("p95 of bucket %d is null exactly when it has no turns", i)
                    .isEqualTo(turns.get(i) == 0);
        }
    }

    @Test
    void seriesPicksARoundStepAndListsEveryHouseWithoutAHouse() {
        JsonPath all = getJson("/api/v1/stats/series?since=7d");

        assertThat(all.getList("house", String.class)).contains("timmy", "ezra", "bezalel", NovaHouseKey.HOUSE);
        assertThat(all.getLong("find { it.house == 'ezra' }.stepSeconds")).isEqualTo(3 * 3600);
        assertThat(getJson("/api/v1/stats/series?house=ezra").getLong("stepSeconds"))
                .isEqualTo(60);
    }

    @Test
    void gaugesCountTheLastFiveMinutesAndTheTimeSinceTheLastTurn() {
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(gauge(AgentGauges.TURNS_PER_MINUTE, "ezra")).isCloseTo(2 / 5.0, within(1e-9));
            assertThat(gauge(AgentGauges.SINCE_LAST_TURN, "ezra")).isBetween(60.0, 300.0);
            assertThat(gauge(AgentGauges.SINCE_LAST_TURN, NovaHouseKey.HOUSE)).isNaN();
        });
        assertThat(gauge(AgentGauges.TURNS_PER_MINUTE, "timmy")).isNotNegative();
    }

    @Test
    void refusesBadParametersNamingThemAndTheAcceptedForms() {
        badRequest("/api/v1/stats?house=ezra&since=yesterday", "bad_since", "since must be an ISO-8601 instant");
        badRequest("/api/v1/stats?since=15x", "bad_since", "15m");
        badRequest("/api/v1/stats?since=0m", "bad_since", "positive");
        badRequest("/api/v1/stats?house=ezra&since=2999-01-01T00:00:00Z", "bad_since", "in the future");
        badRequest("/api/v1/stats?house=Not*A-House", "bad_house", "house must be a house name");
        badRequest("/api/v1/stats/series?house=ezra&step=often", "bad_step", "step must be a duration");
        badRequest("/api/v1/stats/series?house=ezra&step=0s", "bad_step", "positive");
        badRequest("/api/v1/stats/series?house=ezra&since=7d&step=1s", "bad_step", "at most 1000");
        badRequest("/api/v1/stats/series?since=soon", "bad_since", "since must be");
    }

    @Test
    void answersAnUnknownHouseWith404ListingTheKnownOnes() {
        for (String path : List.of("/api/v1/stats?house=nobody", "/api/v1/stats/series?house=nobody")) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .body("error", equalTo("unknown_house"))
                    .body(
                            "message",
                            allOf(
                                    containsString("'nobody'"),
                                    containsString("timmy, ezra, bezalel"),
                                    containsString(NovaHouseKey.HOUSE)));
        }
        given().when().get("/api/v1/stats").then().statusCode(200).body("house", hasItems("ezra", "nova"));
    }

    private static void badRequest(String path, String error, String messagePart) {
        given().when()
                .get(path)
                .then()
                .statusCode(400)
                .body("error", equalTo(error))
                .body("message", containsString(messagePart));
    }

    private static JsonPath getJson(String path) {
        return given().when().get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Instant ago(long minutes) {
        return now.minus(Duration.ofMinutes(minutes));
    }

    private StatsEvents events() {
        return new StatsEvents(jetStream, subjects, jdbi);
    }

    private double counter(String name, String type, String outcome) {
        return registry.find(name).tag("type", type).tag("outcome", outcome).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    private double gauge(String name, String house) {
        Gauge gauge = registry.find(name).tag("house", house).gauge();
        assertThat(gauge).as("gauge %s for %s", name, house).isNotNull();
        return gauge.value();
    }
}

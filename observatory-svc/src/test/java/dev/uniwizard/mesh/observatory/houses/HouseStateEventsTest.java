package dev.uniwizard.mesh.observatory.houses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.observatory.HouseStateEvent;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.observatory.probes.ProbeTargetResource;
import dev.uniwizard.mesh.service.messaging.EnvelopePublisher;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import dev.uniwizard.mesh.testkit.MeshTestSupport;
import dev.uniwizard.mesh.testkit.TestKeyring;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "observatory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        })
@WithTestResource(ProbeTargetResource.class)
class HouseStateEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Connection connection;

    @Inject
    Subjects subjects;

    @Inject
    HouseViews views;

    @Inject
    HouseStateStore store;

    @Inject
    HouseStateTransitions transitions;

    @Inject
    EnvelopePublisher publisher;

    @Inject
    EnvelopeSigner signer;

    @Inject
    MeterRegistry registry;

    @Inject
    Jdbi jdbi;

    private final List<Envelope> published = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    @BeforeEach
    void listen() {
        dispatcher = connection.createDispatcher(message -> {
            try {
                published.add(EnvelopeCodec.parse(message.getData()).envelope());
            } catch (EnvelopeFormatException e) {
                throw new AssertionError("the observatory published a malformed envelope", e);
            }
        });
        dispatcher.subscribe(subjects.events(Subjects.EVENT_HOUSE_STATE));
    }

    @AfterEach
    void stopListening() {
        connection.closeDispatcher(dispatcher);
    }

    @Test
    void firesOnlyWhenTheLoginOrTheVersionChangesAfterTheFirstSight() {
        String expected = views.expectedVersion();
        double loggedInBefore = MeshTestSupport.count(registry, HouseStateTransitions.PUBLISHED, "event", "LoggedIn");
        List<HouseStateEvent> fired = new ArrayList<>();

        fired.addAll(observe("sequence", HouseFacts.NEEDS_LOGIN, expected)); // first sight: nothing
        assertThat(fired).isEmpty();
        fired.addAll(observe("sequence", HouseFacts.LOGGED_IN, expected)); // LoggedIn
        fired.addAll(observe("sequence", HouseFacts.LOGGED_IN, expected)); // same state: nothing
        fired.addAll(observe("sequence", HouseFacts.UNKNOWN, expected)); // changes nothing
        fired.addAll(observe("sequence", HouseFacts.NOT_REQUIRED, expected)); // changes nothing
        fired.addAll(observe("sequence", HouseFacts.NEEDS_LOGIN, expected)); // NeedsLogin
        fired.addAll(observe("sequence", HouseFacts.NEEDS_LOGIN, "0.0.1-old")); // NeedsUpdate
        fired.addAll(observe("sequence", HouseFacts.NEEDS_LOGIN, "0.0.2-old")); // still outdated: nothing
        fired.addAll(observe("sequence", HouseFacts.NEEDS_LOGIN, expected)); // UpToDate

        assertThat(fired)
                .extracting(HouseStateEvent::event)
                .containsExactly(
                        HouseStateEvent.LOGGED_IN,
                        HouseStateEvent.NEEDS_LOGIN,
                        HouseStateEvent.NEEDS_UPDATE,
                        HouseStateEvent.UP_TO_DATE);
        assertThat(fired.get(1).detail()).isEqualTo("login detail: needs_login");
        assertThat(fired.get(1).instance()).isEqualTo("sequence-1");
        assertThat(fired.get(2).detail()).isEqualTo("sequence-1 runs 0.0.1-old, expected " + expected);
        await().atMost(WAIT).until(() -> events("sequence").size() == 4);
        assertThat(events("sequence")).isEqualTo(fired);
        Envelope envelope = published.stream()
                .filter(e -> "sequence".equals(e.house()))
                .findFirst()
                .orElseThrow();
        assertThat(envelope.kind()).isEqualTo(EnvelopeKind.EVENT);
        assertThat(envelope.nodeId()).isEqualTo("observatory-test");
        assertThat(envelope.sig()).isNotBlank();
        assertThat(MeshTestSupport.count(registry, HouseStateTransitions.PUBLISHED, "event", "LoggedIn"))
                .isEqualTo(loggedInBefore + 1);
        assertThat(store.find("sequence")).hasValueSatisfying(row -> {
            assertThat(row.login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
            assertThat(row.version()).isEqualTo(expected);
            assertThat(row.upToDate()).isTrue();
        });
    }

    @Test
    void aRestartedObservatoryFiresNothingForAStateUnchangedSinceBefore() {
        Instant now = Instant.now();
        // What an earlier run of the observatory stored.
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO house_states (house, login, version, up_to_date,"
                        + " updated_at) VALUES ('restarted', 'needs_login', :version, true, :at)")
                .bind("version", views.expectedVersion())
                .bind("at", now.minusSeconds(3600).atOffset(ZoneOffset.UTC))
                .execute());
        HouseStateTransitions restarted = new HouseStateTransitions(store, publisher, signer, subjects, registry);

        assertThat(restarted.observe(view("restarted", HouseFacts.NEEDS_LOGIN, views.expectedVersion()), now))
                .isEmpty();
        assertThat(restarted.observe(view("restarted", HouseFacts.LOGGED_IN, views.expectedVersion()), now))
                .extracting(HouseStateEvent::event)
                .containsExactly(HouseStateEvent.LOGGED_IN);
        HouseStateTransitions restartedAgain = new HouseStateTransitions(store, publisher, signer, subjects, registry);
        assertThat(restartedAgain.observe(view("restarted", HouseFacts.LOGGED_IN, views.expectedVersion()), now))
                .isEmpty();
        await().atMost(WAIT).until(() -> events("restarted").size() == 1);
    }

    @Test
    void aHouseSeenForTheFirstTimeOnlyGetsItsRow() {
        Instant now = Instant.now();

        assertThat(transitions.observe(view("newcomer", HouseFacts.NEEDS_LOGIN, "0.0.1-old"), now))
                .isEmpty();
        assertThat(store.find("newcomer")).hasValueSatisfying(row -> {
            assertThat(row.login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
            assertThat(row.upToDate()).isFalse();
        });
        store.save(new HouseStateRow("quiet", null, views.expectedVersion(), true, now));
        assertThat(transitions.observe(view("quiet", HouseFacts.LOGGED_IN, views.expectedVersion()), now))
                .as("from no known login to logged_in is no change")
                .isEmpty();
    }

    @Test
    void aHouseHeartbeatThatChangesTheLoginIsPublishedAfterTheNextEvaluation() {
        EnvelopeSigner ezra = TestKeyring.shared().signer("ezra-test", NodeRole.HOUSE);

        beat(ezra, HouseFacts.NEEDS_LOGIN);
        await().atMost(WAIT).until(() -> store.find("ezra").isPresent());
        beat(ezra, HouseFacts.LOGGED_IN);

        await().atMost(WAIT).until(() -> !events("ezra").isEmpty());
        assertThat(events("ezra")).singleElement().satisfies(event -> {
            assertThat(event.event()).isEqualTo(HouseStateEvent.LOGGED_IN);
            assertThat(event.instance()).isEqualTo("ezra-test");
        });
    }

    private List<HouseStateEvent> observe(String house, String login, String version) {
        return transitions.observe(view(house, login, version), Instant.now());
    }

    private HouseView view(String house, String login, String version) {
        String expected = views.expectedVersion();
        return new HouseView(
                house,
                login,
                "login detail: " + login,
                house + "-1",
                version,
                house + "-1",
                expected,
                expected.equals(version),
                null,
                true,
                Instant.now());
    }

    private void beat(EnvelopeSigner house, String login) {
        connection.publish(
                subjects.health("ezra"),
                EnvelopeCodec.toBytes(house.originate(
                        EnvelopeKind.EVENT,
                        "health",
                        null,
                        Sender.system(house.nodeId()),
                        new HeartbeatPayload(
                                "ezra",
                                house.nodeId(),
                                views.expectedVersion(),
                                Instant.now(),
                                1,
                                "UP",
                                5,
                                null,
                                new HouseFacts("intelligent", login, "login detail: " + login, Instant.now(), null)),
                        null)));
    }

    private List<HouseStateEvent> events(String house) {
        return published.stream()
                .filter(envelope -> house.equals(envelope.house()))
                .map(envelope -> {
                    try {
                        return EnvelopeCodec.readPayload(envelope, HouseStateEvent.class);
                    } catch (EnvelopeFormatException e) {
                        throw new AssertionError("not a house state event: " + envelope, e);
                    }
                })
                .toList();
    }
}

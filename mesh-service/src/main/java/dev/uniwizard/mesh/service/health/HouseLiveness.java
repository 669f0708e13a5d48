package dev.uniwizard.mesh.service.health;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.health.HeartbeatProblems;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which houses are alive, from their heartbeats, for any service that must not hand work to a dead house as if it were
 * alive (the router queues or fails over, the scheduler reports the run). Watches {@code <root>.health.<house>} for
 * every house of {@code mesh.houses}, believing only house nodes that speak for that house ({@code ezra},
 * {@code ezra-2}); others are counted in {@code mesh_heartbeats_invalid_total{watcher="houses",reason="not_the_house"}}.
 * The rule is {@link HouseHeartbeats}, tuned by {@code mesh.house-liveness.*}. The subscription starts when the bean
 * is first injected: a service that never injects it subscribes to nothing. Safe to inject into {@code @Startup} beans.
 */
@Singleton
public class HouseLiveness {

    /** The {@code watcher} tag of this bean's invalid-heartbeat metric. */
    public static final String WATCHER = "houses";

    private final List<String> houses;
    private final HouseHeartbeats heartbeats;
    private final Subjects subjects;
    private final HeartbeatReceiver receiver;
    private HeartbeatReceiver.Subscription subscription;

    @Inject
    public HouseLiveness(MeshConfig config, Clock clock, Subjects subjects, HeartbeatReceiver receiver) {
        this.houses = houseNames(config.houses());
        this.heartbeats = new HouseHeartbeats(
                clock,
                config.houseLiveness().missedHeartbeats(),
                config.houseLiveness().defaultInterval(),
                config.service());
        this.subjects = subjects;
        this.receiver = receiver;
    }

    private HouseLiveness(List<String> houses, HouseHeartbeats heartbeats) {
        this.houses = houseNames(houses);
        this.heartbeats = heartbeats;
        this.subjects = null;
        this.receiver = null;
    }

    /** Liveness of {@code houses} fed only by {@code heartbeats.heard(...)}, without NATS: for tests. */
    public static HouseLiveness unwatched(List<String> houses, HouseHeartbeats heartbeats) {
        return new HouseLiveness(houses, heartbeats);
    }

    @PostConstruct
    void watch() {
        if (receiver == null) {
            return;
        }
        subscription = receiver.watch(
                WATCHER,
                houses.stream().map(subjects::health).toList(),
                Set.of(NodeRole.HOUSE),
                HouseLiveness::speaksForTheHouse,
                this::heard);
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** The watched houses ({@code mesh.houses}), in configured order. */
    public List<String> houses() {
        return houses;
    }

    public boolean isUp(String house) {
        return state(house).up();
    }

    /** E.g. {@code last heartbeat 2 min ago}, {@code no heartbeat since the scheduler started 40 s ago}. */
    public String describe(String house) {
        return state(house).describeLastHeartbeat();
    }

    /**
     * The house's state now.
     *
     * @throws IllegalArgumentException for a house not in {@code mesh.houses}: nobody watches it
     */
    public HouseState state(String house) {
        if (!houses.contains(house)) {
            throw new IllegalArgumentException(
                    "house '" + house + "' is not watched: it is not one of mesh.houses " + houses);
        }
        return heartbeats.state(house);
    }

    private void heard(Envelope envelope, HeartbeatPayload heartbeat) {
        heartbeats.heard(
                heartbeat.service(),
                heartbeat.instance(),
                Duration.ofSeconds(heartbeat.intervalSeconds()),
                heartbeat.up());
    }

    private static Optional<HeartbeatProblems.Problem> speaksForTheHouse(
            Envelope envelope, HeartbeatPayload heartbeat, String subject) {
        String house = Subjects.lastToken(subject);
        if (HouseNodes.speaksFor(envelope.nodeId(), house)) {
            return Optional.empty();
        }
        return Optional.of(new HeartbeatProblems.Problem(
                "not_the_house", "node '" + envelope.nodeId() + "' does not speak for house " + house));
    }

    /**
     * The house names of {@code mesh.houses}: stripped, lower case, without repeats; throws
     * {@link IllegalArgumentException} naming a bad one, or when none is left.
     */
    public static List<String> houseNames(List<String> configured) {
        List<String> houses = new ArrayList<>();
        for (String name : configured) {
            String house = name.strip().toLowerCase(Locale.ROOT);
            if (!Subjects.isToken(house)) {
                throw new IllegalArgumentException("mesh.houses: '" + name
                        + "' is not a valid house name (1-64 lower-case letters, digits, '_' or '-')");
            }
            if (!houses.contains(house)) {
                houses.add(house);
            }
        }
        if (houses.isEmpty()) {
            throw new IllegalArgumentException("mesh.houses names no house");
        }
        return List.copyOf(houses);
    }
}

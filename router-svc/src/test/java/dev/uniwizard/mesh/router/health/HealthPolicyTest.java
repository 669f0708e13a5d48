package dev.uniwizard.mesh.router.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.router.config.RouterConfig.HealthPolicyName;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import dev.uniwizard.mesh.service.health.HouseHeartbeats;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import dev.uniwizard.mesh.testkit.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final HouseHeartbeats heartbeats = new HouseHeartbeats(clock, 3, Duration.ofSeconds(10), "router");
    private final HouseLiveness liveness = HouseLiveness.unwatched(List.of("timmy", "ezra", "bezalel"), heartbeats);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HouseTitles titles = new HouseTitles(Map.of());

    @Test
    void aHouseThatIsUpGetsItsWork() {
        HealthPolicy policy = policy(HealthPolicyName.FAILOVER);
        heartbeats.heard("ezra", "ezra-1", Duration.ofSeconds(10), true);

        assertThat(policy.place("ezra")).isEqualTo(HealthPolicy.Placement.direct("ezra"));
        assertThat(policy.place("ezra").reason("addressed to ezra")).isEqualTo("addressed to ezra");
    }

    @Test
    void queueKeepsTheTaskForTheHouseAndTellsTheSender() {
        HealthPolicy policy = policy(HealthPolicyName.QUEUE);
        heartbeats.heard("ezra", "ezra-1", Duration.ofSeconds(10), true);
        heartbeats.heard("timmy", "timmy-1", Duration.ofSeconds(10), true);
        clock.advance(Duration.ofSeconds(120));
        heartbeats.heard("timmy", "timmy-1", Duration.ofSeconds(10), true);

        HealthPolicy.Placement placement = policy.place("ezra");

        assertThat(placement.house()).isEqualTo("ezra");
        assertThat(placement.failedOver()).isFalse();
        assertThat(placement.notice())
                .hasValue("Ezra is not answering (last heartbeat 2 min ago); your message is queued and will be"
                        + " handled when it is back.");
        assertThat(placement.reason("addressed to ezra"))
                .isEqualTo("addressed to ezra; ezra is not answering (last heartbeat 2 min ago); queued");
        assertThat(registry.counter("mesh.router.queued", "house", "ezra").count())
                .isEqualTo(1);
    }

    @Test
    void failoverGoesToTheBackupWhenItIsUp() {
        HealthPolicy policy = policy(HealthPolicyName.FAILOVER);
        clock.advance(Duration.ofMinutes(5));
        heartbeats.heard("timmy", "timmy-1", Duration.ofSeconds(10), true);

        HealthPolicy.Placement placement = policy.place("ezra");

        assertThat(placement.house()).isEqualTo("timmy");
        assertThat(placement.failedOver()).isTrue();
        assertThat(placement.notice())
                .hasValue("Ezra is down (no heartbeat since the router started 5 min ago); Timmy (backup) is taking"
                        + " this.");
        assertThat(placement.note())
                .hasValue("ezra is down (no heartbeat since the router started 5 min ago),"
                        + " failed over to its backup timmy");
        assertThat(registry.counter("mesh.router.failover", "house", "ezra", "backup", "timmy")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void failoverQueuesWhenTheBackupIsDownTooOrThereIsNone() {
        HealthPolicy policy = policy(HealthPolicyName.FAILOVER);
        clock.advance(Duration.ofMinutes(1));

        HealthPolicy.Placement placement = policy.place("ezra");
        assertThat(placement.house()).isEqualTo("ezra");
        assertThat(placement.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .startsWith("Ezra is not answering (no heartbeat since the router started 1 min ago) and neither is"
                        + " its backup Timmy;")
                .endsWith("will be handled when Ezra is back."));

        assertThat(policy.place("bezalel").house()).isEqualTo("bezalel");
        assertThat(policy.place("bezalel").notice())
                .hasValueSatisfying(n -> assertThat(n).contains("queued"));
        assertThat(registry.find("mesh.router.failover").counter()).isNull();
    }

    @Test
    void backupsMustBeOtherKnownHouses() {
        HouseSelector houses = new HouseSelector(List.of("timmy", "ezra", "bezalel"), "timmy");

        assertThat(HealthProducer.backups(Map.of("Ezra", "Timmy"), houses)).isEqualTo(Map.of("ezra", "timmy"));
        assertThatThrownBy(() -> HealthProducer.backups(Map.of("ezra", "gandalf"), houses))
                .hasMessage("router.health.backup.ezra=gandalf: both must be one of router.houses"
                        + " [timmy, ezra, bezalel]");
        assertThatThrownBy(() -> HealthProducer.backups(Map.of("ezra", "ezra"), houses))
                .hasMessage("router.health.backup.ezra names the house itself; name another house");
    }

    @Test
    void everyRoutedHouseMustBeWatched() {
        assertThatThrownBy(() -> HealthProducer.requireWatched(List.of("timmy", "gandalf"), List.of("timmy")))
                .hasMessage("router.houses [timmy, gandalf] names [gandalf] whose heartbeats nobody watches:"
                        + " mesh.houses is [timmy] (leave mesh.houses unset on the router: it follows router.houses)");
    }

    private HealthPolicy policy(HealthPolicyName name) {
        return new HealthPolicy(liveness, name, Map.of("ezra", "timmy"), titles, registry);
    }
}

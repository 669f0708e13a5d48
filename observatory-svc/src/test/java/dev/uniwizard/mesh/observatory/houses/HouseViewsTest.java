package dev.uniwizard.mesh.observatory.houses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.observatory.health.InstanceState;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HouseViewsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final HouseViews views = new HouseViews(new MeshHealth(List.of(), 3), Duration.ofHours(24), "2.0");

    @Test
    void oneInstanceIsTheHouse() {
        HouseView view = views.of("timmy", List.of(state("timmy-1", "2.0", facts(HouseFacts.LOGGED_IN, 3), 1)), NOW)
                .orElseThrow();

        assertThat(view.login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(view.loginDetail()).isEqualTo("detail of logged_in");
        assertThat(view.loginInstance()).isEqualTo("timmy-1");
        assertThat(view.upToDate()).isTrue();
        assertThat(view.version()).isEqualTo("2.0");
        assertThat(view.pendingApprovals()).isEqualTo(3);
        assertThat(view.current()).isTrue();
    }

    @Test
    void theWorstLoginAndAnyOutdatedInstanceWinAmongFreshInstances() {
        HouseView view = views.of(
                        "ezra",
                        List.of(
                                state("ezra-1", "2.0", facts(HouseFacts.LOGGED_IN, null), 1),
                                state("ezra-2", "1.9", facts(HouseFacts.NEEDS_LOGIN, null), 2),
                                state("ezra-3", "2.0", facts(HouseFacts.UNKNOWN, null), 3)),
                        NOW)
                .orElseThrow();

        assertThat(view.login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
        assertThat(view.loginInstance()).isEqualTo("ezra-2");
        assertThat(view.upToDate()).isFalse();
        assertThat(view.version()).isEqualTo("1.9");
        assertThat(view.versionInstance()).isEqualTo("ezra-2");
        assertThat(view.pendingApprovals()).isNull();
    }

    @Test
    void aStoppedInstanceDoesNotCountWhileAnotherIsFresh() {
        HouseView view = views.of(
                        "ezra",
                        List.of(
                                state("ezra-1", "1.0", facts(HouseFacts.NEEDS_LOGIN, null), 60),
                                state("ezra-2", "2.0", facts(HouseFacts.LOGGED_IN, null), 1)),
                        NOW)
                .orElseThrow();

        assertThat(view.login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(view.upToDate()).isTrue();
        assertThat(view.current()).isTrue();
    }

    @Test
    void withEveryInstanceStoppedTheNewestStandsForTheHouseUntilForgotten() {
        HouseView view = views.of(
                        "ezra",
                        List.of(
                                state("ezra-1", "1.0", facts(HouseFacts.NEEDS_LOGIN, null), 600),
                                state("ezra-2", "2.0", facts(HouseFacts.LOGGED_IN, null), 120)),
                        NOW)
                .orElseThrow();

        assertThat(view.current()).isFalse();
        assertThat(view.loginInstance()).isEqualTo("ezra-2");
        assertThat(view.lastSeen()).isEqualTo(NOW.minusSeconds(120));
        assertThat(views.of("ezra", List.of(state("ezra-1", "2.0", null, 25 * 3600)), NOW))
                .isEmpty();
    }

    @Test
    void noHouseFactsMeanNoLoginAndAnUnknownLoginWordCountsAsUnknown() {
        HouseView none =
                views.of("ezra", List.of(state("ezra-1", "2.0", null, 1)), NOW).orElseThrow();
        HouseView odd = views.of("ezra", List.of(state("ezra-1", "2.0", facts("sleeping", null), 1)), NOW)
                .orElseThrow();

        assertThat(none.login()).isNull();
        assertThat(none.loginInstance()).isNull();
        assertThat(odd.login()).isEqualTo(HouseFacts.UNKNOWN);
    }

    @Test
    void refusesABlankExpectedVersion() {
        assertThatThrownBy(() -> new HouseViews(new MeshHealth(List.of(), 3), Duration.ofHours(1), " "))
                .hasMessageContaining("observatory.houses.expected-version");
    }

    private static HouseFacts facts(String login, Integer pending) {
        return new HouseFacts("intelligent", login, "detail of " + login, NOW.minusSeconds(30), pending);
    }

    private static InstanceState state(String instance, String version, HouseFacts facts, long secondsAgo) {
        String house = instance.substring(0, instance.indexOf('-'));
        return new InstanceState(
                new HeartbeatPayload(house, instance, version, NOW.minusSeconds(7200), 7200, "UP", 5, null, facts),
                NOW.minusSeconds(secondsAgo));
    }
}

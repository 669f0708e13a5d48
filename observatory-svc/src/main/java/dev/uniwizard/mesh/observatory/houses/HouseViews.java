package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.observatory.health.InstanceState;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges a house from the latest heartbeats of its instances (pure logic). Only instances with fresh heartbeats count;
 * when none is fresh, the newest known one stands for the house, and instances silent for longer than
 * {@code forgetAfter} are ignored. Among the instances, the worst login state wins (needs_login, then logged_in,
 * not_required, unknown), and the house is outdated when any of them runs another version than expected.
 */
public final class HouseViews {

    private static final List<String> LOGIN_ORDER =
            List.of(HouseFacts.NEEDS_LOGIN, HouseFacts.LOGGED_IN, HouseFacts.NOT_REQUIRED, HouseFacts.UNKNOWN);

    private final MeshHealth health;
    private final Duration forgetAfter;
    private final String expectedVersion;

    public HouseViews(MeshHealth health, Duration forgetAfter, String expectedVersion) {
        if (expectedVersion == null || expectedVersion.isBlank()) {
            throw new IllegalArgumentException("observatory.houses.expected-version must not be blank");
        }
        this.health = health;
        this.forgetAfter = forgetAfter;
        this.expectedVersion = expectedVersion.strip();
    }

    public String expectedVersion() {
        return expectedVersion;
    }

    /** The house's view from the heartbeats of its instances, or empty when none is known. */
    public Optional<HouseView> of(String house, Collection<InstanceState> instances, Instant now) {
        List<InstanceState> known = instances.stream()
                .filter(state -> !Duration.between(state.lastSeen(), now)
                        .minus(forgetAfter)
                        .isPositive())
                .sorted(Comparator.comparing(InstanceState::lastSeen).reversed())
                .toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        List<InstanceState> fresh =
                known.stream().filter(state -> !health.isStale(state, now)).toList();
        List<InstanceState> pool = fresh.isEmpty() ? List.of(known.getFirst()) : fresh;
        Optional<InstanceState> login = pool.stream()
                .filter(state -> state.heartbeat().house() != null)
                .min(Comparator.comparingInt(
                        state -> loginRank(state.heartbeat().house().login())));
        InstanceState version = pool.stream()
                .filter(state -> !expectedVersion.equals(state.heartbeat().version()))
                .findFirst()
                .orElse(pool.getFirst());
        Integer pending = pool.stream()
                .map(state -> state.heartbeat().house())
                .filter(Objects::nonNull)
                .map(HouseFacts::pendingApprovals)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return Optional.of(new HouseView(
                house,
                login.map(state -> loginOf(state.heartbeat().house())).orElse(null),
                login.map(state -> state.heartbeat().house().loginDetail()).orElse(null),
                login.map(InstanceState::instance).orElse(null),
                version.heartbeat().version(),
                version.instance(),
                expectedVersion,
                expectedVersion.equals(version.heartbeat().version()),
                pending,
                !fresh.isEmpty(),
                pool.getFirst().lastSeen()));
    }

    /** A login state the house reported, or {@code unknown} for none or one this version does not know. */
    private static String loginOf(HouseFacts facts) {
        return LOGIN_ORDER.contains(facts.login()) ? facts.login() : HouseFacts.UNKNOWN;
    }

    private static int loginRank(String login) {
        int rank = LOGIN_ORDER.indexOf(login);
        return rank < 0 ? LOGIN_ORDER.size() : rank;
    }
}

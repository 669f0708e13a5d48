package dev.uniwizard.mesh.observatory.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges the mesh from the latest heartbeats. An instance is stale when more than {@code staleAfterIntervals} of its
 * own heartbeat intervals passed since its last heartbeat; a stale instance counts as {@code STOPPED}. Pure logic:
 * the caller passes the current time.
 */
public final class MeshHealth {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";
    public static final String DEGRADED = "DEGRADED";
    public static final String STOPPED = "STOPPED";

    private static final Comparator<InstanceHealth> ORDER =
            Comparator.comparing(InstanceHealth::service).thenComparing(InstanceHealth::instance);

    private final List<String> expectedServices;
    private final int staleAfterIntervals;

    public MeshHealth(List<String> expectedServices, int staleAfterIntervals) {
        if (staleAfterIntervals < 1) {
            throw new IllegalArgumentException(
                    "observatory.stale-after-intervals must be at least 1, got " + staleAfterIntervals);
        }
        this.expectedServices = List.copyOf(expectedServices);
        this.staleAfterIntervals = staleAfterIntervals;
    }

    public List<String> expectedServices() {
        return expectedServices;
    }

    public MeshHealthReport evaluate(Collection<InstanceState> states, Instant now) {
        List<InstanceHealth> instances =
                states.stream().map(state -> judge(state, now)).sorted(ORDER).toList();
        long expectedUp = expectedServices.stream()
                .filter(service -> upInstances(instances, service) > 0)
                .count();
        String status = expectedUp == expectedServices.size() ? UP : expectedUp == 0 ? DOWN : DEGRADED;
        List<String> missing = expectedServices.stream()
                .filter(service -> instances.stream()
                        .noneMatch(instance -> instance.service().equals(service) && !instance.stale()))
                .toList();
        return new MeshHealthReport(status, now, missing, instances);
    }

    /** The instances of one service, or empty when it never reported. */
    public Optional<ServiceHealth> evaluate(String service, Collection<InstanceState> states, Instant now) {
        List<InstanceHealth> instances = states.stream()
                .filter(state -> state.service().equals(service))
                .map(state -> judge(state, now))
                .sorted(ORDER)
                .toList();
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        String status = upInstances(instances, service) > 0 ? UP : DOWN;
        return Optional.of(new ServiceHealth(service, status, now, instances));
    }

    /** How many fresh UP instances a service has. */
    public long upInstances(String service, Collection<InstanceState> states, Instant now) {
        return states.stream()
                .filter(state -> state.service().equals(service))
                .map(state -> judge(state, now))
                .filter(InstanceHealth::isUp)
                .count();
    }

    /**
     * Stale when {@code now - lastSeen > staleAfterIntervals * interval}. An interval below one second (reported as
     * 0) counts as one second, so such an instance is not stale the moment it reports.
     */
    public boolean isStale(InstanceState state, Instant now) {
        long intervalSeconds = Math.max(1, state.heartbeat().intervalSeconds());
        Duration allowed = Duration.ofSeconds(intervalSeconds).multipliedBy(staleAfterIntervals);
        return Duration.between(state.lastSeen(), now).compareTo(allowed) > 0;
    }

    private InstanceHealth judge(InstanceState state, Instant now) {
        boolean stale = isStale(state, now);
        long agoMillis = Math.max(0, Duration.between(state.lastSeen(), now).toMillis());
        var heartbeat = state.heartbeat();
        return new InstanceHealth(
                heartbeat.service(),
                heartbeat.instance(),
                stale ? STOPPED : heartbeat.status(),
                heartbeat.version(),
                heartbeat.uptimeSeconds(),
                agoMillis / 1000.0,
                stale,
                heartbeat.startedAt());
    }

    private static long upInstances(List<InstanceHealth> instances, String service) {
        return instances.stream()
                .filter(instance -> instance.service().equals(service) && instance.isUp())
                .count();
    }
}

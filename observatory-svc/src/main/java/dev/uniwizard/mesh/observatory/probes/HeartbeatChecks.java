package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.payload.HostStats;
import dev.uniwizard.mesh.observatory.checks.Check;
import dev.uniwizard.mesh.observatory.checks.Level;
import dev.uniwizard.mesh.observatory.checks.Thresholds;
import dev.uniwizard.mesh.observatory.health.HeartbeatStore;
import dev.uniwizard.mesh.observatory.health.InstanceState;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The checks judged from heartbeats ({@link HeartbeatStore}, by the rules of {@link MeshHealth}):
 *
 * <ul>
 *   <li>{@code service:<name>} for every expected service: ok with at least one fresh UP instance, else critical
 *       saying why (none ever seen, every instance stopped or DOWN); value: fresh UP instances.
 *   <li>{@code instance:<node>}: ok when fresh and UP, critical when DOWN or stopped; value: seconds since its last
 *       heartbeat.
 *   <li>{@code cpu:<node>}, {@code memory:<node>}, {@code disk:<node>} from the host facts in its heartbeat (value: the
 *       ratio); a value the instance could not read is not judged. A stopped instance's last values stay judged.
 * </ul>
 *
 * Instances silent for longer than {@code observatory.forget-after} drop out of every check. Until
 * {@code reportMissingFrom} (the observatory's start plus a few heartbeat intervals) a service not heard from yet has
 * no {@code service:} result at all, rather than a critical one: it may simply not have beaten since this observatory
 * started.
 */
public final class HeartbeatChecks implements Check {

    private final HeartbeatStore store;
    private final MeshHealth health;
    private final Thresholds thresholds;
    private final Duration forgetAfter;
    private final Instant reportMissingFrom;

    public HeartbeatChecks(HeartbeatStore store, MeshHealth health, Thresholds thresholds, Duration forgetAfter) {
        this(store, health, thresholds, forgetAfter, Instant.MIN);
    }

    public HeartbeatChecks(
            HeartbeatStore store,
            MeshHealth health,
            Thresholds thresholds,
            Duration forgetAfter,
            Instant reportMissingFrom) {
        this.store = store;
        this.health = health;
        this.thresholds = thresholds;
        this.forgetAfter = forgetAfter;
        this.reportMissingFrom = reportMissingFrom;
    }

    @Override
    public String kind() {
        return "collector";
    }

    @Override
    public String target() {
        return "heartbeats";
    }

    @Override
    public List<CheckResult> run(Instant at) {
        List<InstanceState> known = store.latest().stream()
                .filter(state -> !Duration.between(state.lastSeen(), at)
                        .minus(forgetAfter)
                        .isPositive())
                .sorted(Comparator.comparing(InstanceState::instance))
                .toList();
        List<CheckResult> results = new ArrayList<>();
        boolean inGrace = at.isBefore(reportMissingFrom);
        for (String service : health.expectedServices()) {
            boolean heard = known.stream().anyMatch(state -> state.service().equals(service));
            if (heard || !inGrace) {
                results.add(service(service, known, at));
            }
        }
        for (InstanceState state : known) {
            results.add(instance(state, at));
            results.addAll(host(state, at));
        }
        return results;
    }

    private CheckResult service(String service, Collection<InstanceState> known, Instant at) {
        List<InstanceState> instances =
                known.stream().filter(state -> state.service().equals(service)).toList();
        long up = instances.stream()
                .filter(state -> state.heartbeat().up() && !health.isStale(state, at))
                .count();
        if (up > 0) {
            return CheckResult.of(
                    CheckKinds.SERVICE,
                    service,
                    CheckState.OK,
                    (double) up,
                    null,
                    service + " is UP: " + up + " of " + instances.size() + " instance(s) UP",
                    at);
        }
        String message = instances.isEmpty()
                ? "no instance of " + service + " has sent a heartbeat (it never reported, or was forgotten after "
                        + Describe.age(forgetAfter) + " of silence)"
                : "no instance of " + service + " is UP: "
                        + instances.stream()
                                .map(state -> state.instance() + " " + notUp(state, at))
                                .collect(Collectors.joining(", "));
        return CheckResult.of(CheckKinds.SERVICE, service, CheckState.CRITICAL, 0.0, null, message, at);
    }

    private CheckResult instance(InstanceState state, Instant at) {
        Duration ago = Duration.between(state.lastSeen(), at);
        double seconds = Math.max(0, ago.toMillis()) / 1000.0;
        HeartbeatPayload heartbeat = state.heartbeat();
        String name = state.instance() + " (" + state.service() + ")";
        if (health.isStale(state, at) || !heartbeat.up()) {
            return CheckResult.of(
                    CheckKinds.INSTANCE,
                    state.instance(),
                    CheckState.CRITICAL,
                    seconds,
                    "seconds",
                    name + " " + notUp(state, at),
                    at);
        }
        return CheckResult.of(
                CheckKinds.INSTANCE,
                state.instance(),
                CheckState.OK,
                seconds,
                "seconds",
                name + " is UP, version " + heartbeat.version() + ", last heartbeat " + Describe.age(ago) + " ago",
                at);
    }

    /** Why an instance is not UP: {@code stopped (last heartbeat 45 s ago, ...)} or {@code reports DOWN (...)}. */
    private String notUp(InstanceState state, Instant at) {
        if (health.isStale(state, at)) {
            return "stopped (last heartbeat " + Describe.age(Duration.between(state.lastSeen(), at))
                    + " ago, expected every " + Math.max(1, state.heartbeat().intervalSeconds()) + " s)";
        }
        return "reports DOWN (it runs but is not ready)";
    }

    private List<CheckResult> host(InstanceState state, Instant at) {
        HostStats host = state.heartbeat().host();
        if (host == null) {
            return List.of();
        }
        String suffix = health.isStale(state, at)
                ? " (last reported " + Describe.age(Duration.between(state.lastSeen(), at))
                        + " ago; the instance stopped)"
                : "";
        String where = state.instance() + (host.hostname() == null ? "" : " on " + host.hostname());
        List<CheckResult> results = new ArrayList<>();
        ratio(results, CheckKinds.CPU, state, host.cpuLoad(), thresholds.cpu(), "CPU load of " + where, suffix, at);
        ratio(
                results,
                CheckKinds.MEMORY,
                state,
                host.memoryUsedRatio(),
                thresholds.memory(),
                "memory in use on " + where,
                suffix,
                at);
        ratio(
                results,
                CheckKinds.DISK,
                state,
                host.diskUsedRatio(),
                thresholds.disk(),
                "disk in use for " + where,
                suffix,
                at);
        return results;
    }

    private static void ratio(
            List<CheckResult> results,
            String kind,
            InstanceState state,
            Double value,
            Level level,
            String what,
            String suffix,
            Instant at) {
        if (value == null || !Double.isFinite(value)) {
            return;
        }
        results.add(CheckResult.of(
                kind,
                state.instance(),
                level.judge(value),
                value,
                "ratio",
                what + " is " + Describe.percent(value) + " (warn at " + Describe.percent(level.warn())
                        + ", critical at " + Describe.percent(level.critical()) + ")" + suffix,
                at));
    }
}

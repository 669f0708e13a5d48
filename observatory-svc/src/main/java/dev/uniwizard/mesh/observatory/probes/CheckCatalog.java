package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.streams.MeshStreams;
import dev.uniwizard.mesh.observatory.checks.Check;
import dev.uniwizard.mesh.observatory.checks.Thresholds;
import dev.uniwizard.mesh.observatory.config.ChecksConfig;
import dev.uniwizard.mesh.observatory.config.NatsMonitorConfig;
import dev.uniwizard.mesh.observatory.config.ObservatoryConfig;
import dev.uniwizard.mesh.observatory.config.ProbesConfig;
import dev.uniwizard.mesh.observatory.config.RetentionConfig;
import dev.uniwizard.mesh.observatory.health.HeartbeatStore;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import dev.uniwizard.mesh.observatory.houses.HouseInstances;
import dev.uniwizard.mesh.observatory.houses.HouseViews;
import dev.uniwizard.mesh.observatory.houses.ObservedHouses;
import dev.uniwizard.mesh.service.config.MeshConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.JetStreamManagement;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Every collector the observatory runs, built once from the configuration (which is validated here, so a bad probe or
 * monitoring URL stops the start with a message): the heartbeat and house checks, the NATS server (unless
 * {@code observatory.nats.monitor-url} is empty), PostgreSQL, each configured HTTP probe and each house's inbox. Also
 * owns the gauges {@code mesh_observatory_house_inbox{house}} and {@code mesh_observatory_approvals_pending}.
 */
@Singleton
public class CheckCatalog {

    private static final Logger LOG = Logger.getLogger(CheckCatalog.class);
    static final String INBOX_METRIC = "mesh.observatory.house.inbox";
    static final String APPROVALS_METRIC = "mesh.observatory.approvals.pending";

    private final List<Check> checks;
    private final MeterRegistry registry;
    private final Map<String, Double> inboxDepths = new ConcurrentHashMap<>();
    private final AtomicReference<Double> pendingApprovals = new AtomicReference<>(Double.NaN);
    private final List<Gauge> gauges = new ArrayList<>();

    public CheckCatalog(
            HeartbeatStore heartbeats,
            MeshHealth health,
            Thresholds thresholds,
            ChecksConfig checksConfig,
            RetentionConfig retention,
            NatsMonitorConfig nats,
            ProbesConfig probes,
            ObservedHouses houses,
            HouseInstances houseInstances,
            HouseViews houseViews,
            Jdbi jdbi,
            JetStreamManagement jsm,
            MeshStreams streams,
            MeterRegistry registry,
            MeshConfig mesh,
            ObservatoryConfig observatory,
            Clock clock) {
        this.registry = registry;
        Duration timeout = checksConfig.timeout();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        List<Check> all = new ArrayList<>();
        // Until every service had the time to beat a few times, one not heard from yet is not reported (not critical):
        // a restarted observatory must not declare the mesh down, nor count it against the uptime SLO.
        Duration firstHeartbeatGrace = mesh.heartbeat().interval().multipliedBy(observatory.staleAfterIntervals());
        all.add(new HeartbeatChecks(
                heartbeats,
                health,
                thresholds,
                retention.forgetAfter(),
                clock.instant().plus(firstHeartbeatGrace)));
        gauges.add(Gauge.builder(APPROVALS_METRIC, pendingApprovals, AtomicReference::get)
                .description("Approval requests waiting for a decision, as the approval authority last reported")
                .register(registry));
        all.add(new HouseChecks(
                houses.names(), houseInstances, houseViews, thresholds.approvals(), pendingApprovals::set));
        nats.monitorUrl()
                .filter(url -> !url.isBlank())
                .ifPresentOrElse(
                        url -> {
                            if (nats.timeout().compareTo(timeout) >= 0) {
                                throw new IllegalArgumentException("observatory.nats.timeout (" + nats.timeout()
                                        + ") must be shorter than observatory.checks.timeout (" + timeout + ")");
                            }
                            all.add(new NatsMonitorCheck(
                                    http, NatsMonitorCheck.parse(url), nats.timeout(), thresholds.jetstream()));
                        },
                        () -> LOG.info("NATS monitoring checks are off (observatory.nats.monitor-url is empty)"));
        all.add(new PostgresCheck(jdbi));
        for (ProbeSpec probe : ProbeSpec.all(probes, thresholds, timeout)) {
            all.add(new HttpProbeCheck(http, probe));
        }
        for (String house : houses.names()) {
            gauges.add(Gauge.builder(INBOX_METRIC, inboxDepths, depths -> depths.getOrDefault(house, Double.NaN))
                    .tag("house", house)
                    .description("Tasks waiting for or being worked on by the house")
                    .register(registry));
            all.add(new InboxCheck(
                    house, streams.tasks(), jsm, thresholds.inbox(), depth -> inboxDepths.put(house, depth)));
        }
        this.checks = List.copyOf(all);
        LOG.infof(
                "%d collectors: %s",
                checks.size(),
                checks.stream()
                        .map(check -> check.kind() + ":" + check.target())
                        .toList());
    }

    public List<Check> checks() {
        return checks;
    }

    /** Removes the gauges, so a registry that outlives this bean (tests restart the app) does not read a dead one. */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }
}

package dev.uniwizard.mesh.observatory.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code mesh_observatory_services_up{service}}: the number of fresh UP instances of each service, for every expected
 * service from the start (0 until it reports) and for any other service once it has reported.
 */
@Singleton
public class ServiceUpGauges {

    static final String METRIC = "mesh.observatory.services.up";

    private final HeartbeatStore store;
    private final MeshHealth health;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final List<Gauge> gauges = new CopyOnWriteArrayList<>();

    public ServiceUpGauges(HeartbeatStore store, MeshHealth health, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.health = health;
        this.clock = clock;
        this.registry = registry;
    }

    @PostConstruct
    void registerExpected() {
        health.expectedServices().forEach(this::track);
    }

    /** Makes sure the service has a gauge. */
    public void track(String service) {
        if (registered.add(service)) {
            gauges.add(Gauge.builder(METRIC, this, self -> self.upInstances(service))
                    .tag("service", service)
                    .description("Instances of the service with a fresh UP heartbeat")
                    .register(registry));
        }
    }

    /** Removes the gauges, so a registry that outlives this bean (tests restart the app) does not read a dead one. */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
        gauges.clear();
        registered.clear();
    }

    private double upInstances(String service) {
        return health.upInstances(service, store.latest(), clock.instant());
    }
}

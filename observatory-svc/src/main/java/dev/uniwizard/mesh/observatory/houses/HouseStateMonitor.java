package dev.uniwizard.mesh.observatory.houses;

import dev.uniwizard.mesh.observatory.checks.ChecksEvaluated;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * After every evaluation of the checks (so on the leader only, every {@code observatory.checks.interval}), compares
 * each house's state, judged from its instances' latest heartbeats, with the stored one and publishes what changed
 * ({@link HouseStateTransitions}). One house's failure (the database, NATS) does not stop the others; it is tried
 * again at the next evaluation.
 */
@Singleton
public class HouseStateMonitor {

    private static final Logger LOG = Logger.getLogger(HouseStateMonitor.class);

    private final ObservedHouses houses;
    private final HouseInstances instances;
    private final HouseViews views;
    private final HouseStateTransitions transitions;

    public HouseStateMonitor(
            ObservedHouses houses, HouseInstances instances, HouseViews views, HouseStateTransitions transitions) {
        this.houses = houses;
        this.instances = instances;
        this.views = views;
        this.transitions = transitions;
    }

    void afterChecks(@Observes ChecksEvaluated evaluated) {
        for (String house : houses.names()) {
            try {
                views.of(house, instances.of(house), evaluated.at())
                        .ifPresent(view -> transitions.observe(view, evaluated.at()));
            } catch (RuntimeException e) {
                LOG.errorf("house %s: its state could not be compared with the stored one: %s", house, e.toString());
            }
        }
    }
}

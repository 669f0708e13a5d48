package dev.uniwizard.mesh.router.health;

import dev.uniwizard.mesh.router.config.RouterConfig.HealthPolicyName;
import dev.uniwizard.mesh.router.routing.HouseTitles;
import dev.uniwizard.mesh.service.health.HouseLiveness;
import dev.uniwizard.mesh.service.health.HouseState;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What happens to work for a house that is down ({@link HouseLiveness}). {@code queue}: the task is published for it
 * anyway (JetStream keeps it until the house is back) and the sender is told. {@code failover}: the task goes to the
 * house's backup ({@code router.health.backup.<house>}) if that one is up, and the sender is told who is taking it; a
 * house without a backup, or whose backup is down too, is queued. Counted in {@code mesh.router.failover{house,backup}}
 * and {@code mesh.router.queued{house}}.
 */
public final class HealthPolicy {

    private static final Logger LOG = Logger.getLogger(HealthPolicy.class);

    /**
     * Where the work goes.
     *
     * @param house the house that gets the task
     * @param requested the house routing chose
     * @param note appended to the task's {@code routedBecause}, when health changed anything
     * @param notice what the sender is told in a pending reply, when the house is down
     */
    public record Placement(String house, String requested, Optional<String> note, Optional<String> notice) {

        public static Placement direct(String house) {
            return new Placement(house, house, Optional.empty(), Optional.empty());
        }

        public boolean failedOver() {
            return !house.equals(requested);
        }

        /** {@code reason} with the note, if any. */
        public String reason(String reason) {
            return note.map(n -> reason + "; " + n).orElse(reason);
        }
    }

    private final HouseLiveness health;
    private final HealthPolicyName policy;
    private final Map<String, String> backups;
    private final HouseTitles titles;
    private final MeterRegistry registry;

    public HealthPolicy(
            HouseLiveness health,
            HealthPolicyName policy,
            Map<String, String> backups,
            HouseTitles titles,
            MeterRegistry registry) {
        this.health = health;
        this.policy = policy;
        this.backups = Map.copyOf(backups);
        this.titles = titles;
        this.registry = registry;
    }

    public Placement place(String house) {
        HouseState state = health.state(house);
        if (state.up()) {
            return Placement.direct(house);
        }
        String name = titles.name(house);
        String last = state.describeLastHeartbeat();
        String backup = policy == HealthPolicyName.FAILOVER ? backups.get(house) : null;
        if (backup != null) {
            HouseState backupState = health.state(backup);
            if (backupState.up()) {
                registry.counter("mesh.router.failover", "house", house, "backup", backup)
                        .increment();
                LOG.infof("%s is down (%s): its work goes to its backup %s", house, last, backup);
                return new Placement(
                        backup,
                        house,
                        Optional.of(house + " is down (" + last + "), failed over to its backup " + backup),
                        Optional.of(name + " is down (" + last + "); " + titles.name(backup)
                                + " (backup) is taking this."));
            }
            registry.counter("mesh.router.queued", "house", house).increment();
            LOG.warnf(
                    "%s is down (%s) and so is its backup %s (%s): queueing its work",
                    house, last, backup, backupState.describeLastHeartbeat());
            return new Placement(
                    house,
                    house,
                    Optional.of(house + " is down (" + last + ") and so is its backup " + backup + "; queued"),
                    Optional.of(name + " is not answering (" + last + ") and neither is its backup "
                            + titles.name(backup) + "; your message is queued and will be handled when " + name
                            + " is back."));
        }
        registry.counter("mesh.router.queued", "house", house).increment();
        LOG.infof("%s is down (%s): queueing its work", house, last);
        return new Placement(
                house,
                house,
                Optional.of(house + " is not answering (" + last + "); queued"),
                Optional.of(name + " is not answering (" + last
                        + "); your message is queued and will be handled when it is back."));
    }
}

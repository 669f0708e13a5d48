package dev.uniwizard.mesh.service.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A house's liveness at {@code now}, as {@link HouseLiveness} sees it.
 *
 * @param house the house
 * @param up whether the house counts as alive
 * @param lastHeartbeat its latest heartbeat (any status), if it sent one since this service started watching
 * @param reportedDown whether its latest heartbeats are recent but say {@code DOWN}
 * @param now when this state was computed
 * @param watchingSince when this service started watching
 * @param watcher this service's name, for {@link #describeLastHeartbeat()} (e.g. {@code router})
 */
public record HouseState(
        String house,
        boolean up,
        Optional<Instant> lastHeartbeat,
        boolean reportedDown,
        Instant now,
        Instant watchingSince,
        String watcher) {

    /**
     * E.g. {@code last heartbeat 2 min ago}, {@code it reports DOWN; last heartbeat 5 s ago}, or for a house never
     * heard from {@code no heartbeat since the router started 40 s ago}.
     */
    public String describeLastHeartbeat() {
        if (lastHeartbeat.isEmpty()) {
            return "no heartbeat since the " + watcher + " started " + ago(watchingSince);
        }
        return (reportedDown ? "it reports DOWN; last heartbeat " : "last heartbeat ") + ago(lastHeartbeat.get());
    }

    private String ago(Instant then) {
        return Ages.describe(Duration.between(then, now)) + " ago";
    }
}

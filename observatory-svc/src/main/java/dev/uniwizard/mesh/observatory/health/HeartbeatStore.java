package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The latest heartbeat of every (service, instance), in memory: heartbeats come again every few seconds. */
@Singleton
public class HeartbeatStore {

    private record Key(String service, String instance) {}

    private final ConcurrentMap<Key, InstanceState> latest = new ConcurrentHashMap<>();

    /** Keeps this heartbeat as its instance's latest. */
    public void record(HeartbeatPayload heartbeat, Instant receivedAt) {
        latest.put(new Key(heartbeat.service(), heartbeat.instance()), new InstanceState(heartbeat, receivedAt));
    }

    public Collection<InstanceState> latest() {
        return List.copyOf(latest.values());
    }
}

package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.observatory.Alert;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notification the state machine decided on, before it gets an id and its text.
 *
 * @param groupKey the group
 * @param groupLabels the labels the group is keyed by, in {@code group-by} order
 * @param status {@code firing} when any alert fires, else {@code resolved}
 * @param alerts the firing alerts, then those resolved since the last notification (each by check id)
 * @param at when it was decided
 */
public record GroupNotification(
        String groupKey, Map<String, String> groupLabels, String status, List<Alert> alerts, Instant at) {

    public GroupNotification {
        groupLabels = Collections.unmodifiableMap(new LinkedHashMap<>(groupLabels));
        alerts = List.copyOf(alerts);
    }

    public long firing() {
        return alerts.stream().filter(a -> Alert.FIRING.equals(a.status())).count();
    }

    public long resolved() {
        return alerts.size() - firing();
    }
}

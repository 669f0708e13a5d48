package dev.uniwizard.mesh.observatory.alerts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the alert state machine knows: the active (pending or firing) alert of each check, the resolved alerts
 * not yet notified as resolved, and the open groups. Kept in PostgreSQL between evaluations.
 *
 * @param active pending and firing alerts by check id
 * @param resolved resolved alerts awaiting their group's next notification, by check id
 * @param groups open groups by key
 */
public record AlertBook(
        Map<String, TrackedAlert> active, Map<String, TrackedAlert> resolved, Map<String, AlertGroup> groups) {

    public AlertBook {
        active = Collections.unmodifiableSortedMap(new TreeMap<>(active));
        resolved = Collections.unmodifiableSortedMap(new TreeMap<>(resolved));
        groups = Collections.unmodifiableSortedMap(new TreeMap<>(groups));
    }

    public static AlertBook empty() {
        return new AlertBook(Map.of(), Map.of(), Map.of());
    }
}

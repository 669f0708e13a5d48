package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.config.AlertsConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alerting rules, checked: which states alert, {@code for} (per kind), grouping and the notification intervals.
 *
 * @param states check states that make an alert
 * @param forDuration how long a problem lasts before its alert fires
 * @param forKind {@code forDuration} per check kind
 * @param groupBy labels alerts are grouped by
 * @param groupWait wait of a new group before its first notification
 * @param groupInterval least time between notifications of a changed group
 * @param repeatInterval time after which an unchanged firing group is notified again
 */
public record AlertRules(
        Set<CheckState> states,
        Duration forDuration,
        Map<String, Duration> forKind,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Duration repeatInterval) {

    public AlertRules {
        if (states.isEmpty()) {
            throw new IllegalArgumentException("observatory.alerts.states is empty: name the check states that alert");
        }
        if (states.contains(CheckState.OK)) {
            throw new IllegalArgumentException("observatory.alerts.states contains ok: only problems can alert");
        }
        if (groupBy.isEmpty()) {
            throw new IllegalArgumentException("observatory.alerts.group-by is empty: name at least one label");
        }
        for (String label : groupBy) {
            if (!AlertLabels.ALL.contains(label)) {
                throw new IllegalArgumentException("observatory.alerts.group-by names '" + label
                        + "', which is not a label of alerts; use alertname, kind, target or severity");
            }
        }
        notNegative("for", forDuration);
        forKind.forEach((kind, duration) -> notNegative("for-kind." + kind, duration));
        notNegative("group-wait", groupWait);
        notNegative("group-interval", groupInterval);
        notNegative("repeat-interval", repeatInterval);
        states = Set.copyOf(EnumSet.copyOf(states));
        forKind = Map.copyOf(forKind);
        groupBy = List.copyOf(groupBy);
    }

    public static AlertRules from(AlertsConfig config) {
        return new AlertRules(
                Set.copyOf(config.states()),
                config.forDuration(),
                config.forKind(),
                config.groupBy(),
                config.groupWait(),
                config.groupInterval(),
                config.repeatInterval());
    }

    /** The {@code for} of a check kind. */
    public Duration forOf(String kind) {
        return forKind.getOrDefault(kind, forDuration);
    }

    private static void notNegative(String key, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("observatory.alerts." + key + " is negative (" + duration + ")");
        }
    }
}

package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.observatory.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chat text of a notification: one line for a single alert, e.g.
 * {@code 🔥 FIRING [kind=disk] 1 alert: disk:gateway-1 critical — disk 93% used (critical ≥ 90%)}, else a header and a
 * line per alert (at most {@link #MAX_LINES}).
 */
public final class AlertText {

    /** Alerts listed one per line; further ones are counted. */
    public static final int MAX_LINES = 20;

    private static final String FIRING = "🔥";
    private static final String RESOLVED = "✅";

    private AlertText() {}

    public static String of(GroupNotification notification) {
        boolean firing = Alert.FIRING.equals(notification.status());
        long firingCount = notification.firing();
        long resolvedCount = notification.resolved();
        String header = (firing ? FIRING + " FIRING " : RESOLVED + " RESOLVED ")
                + labels(notification.groupLabels()) + " "
                + count(firing ? firingCount : resolvedCount)
                + (firing && resolvedCount > 0 ? ", " + resolvedCount + " resolved" : "");
        List<Alert> alerts = notification.alerts();
        if (alerts.size() == 1) {
            return header + ": " + line(alerts.getFirst());
        }
        List<String> lines = new ArrayList<>();
        lines.add(header + ":");
        alerts.stream().limit(MAX_LINES).forEach(alert -> lines.add(bullet(alert) + line(alert)));
        if (alerts.size() > MAX_LINES) {
            lines.add("… and " + (alerts.size() - MAX_LINES) + " more");
        }
        return String.join("\n", lines);
    }

    /** A duration as people say it: {@code 45s}, {@code 12m}, {@code 3h 5m}, {@code 2d 4h}. */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
        }
        return hours / 24 + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
    }

    private static String bullet(Alert alert) {
        return Alert.FIRING.equals(alert.status()) ? "• " : RESOLVED + " ";
    }

    private static String line(Alert alert) {
        String name = alert.labels().getOrDefault(AlertLabels.ALERTNAME, alert.fingerprint());
        String severity = alert.labels().getOrDefault(AlertLabels.SEVERITY, "");
        String summary = alert.annotations().getOrDefault(AlertLabels.SUMMARY, "");
        String state = Alert.FIRING.equals(alert.status())
                ? severity
                : "resolved"
                        + (alert.endsAt() == null
                                ? ""
                                : " after " + duration(Duration.between(alert.startsAt(), alert.endsAt())))
                        + " (was " + severity + ")";
        return name + " " + state + (summary.isBlank() ? "" : " — " + summary);
    }

    private static String labels(Map<String, String> labels) {
        return labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String count(long alerts) {
        return alerts + (alerts == 1 ? " alert" : " alerts");
    }
}

package dev.uniwizard.mesh.observatory.config;

import dev.uniwizard.mesh.core.observatory.CheckState;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * When check results become alerts and how alerts are grouped into notifications, under
 * {@code observatory.alerts.*}. The model follows Prometheus and Alertmanager: {@code for}, {@code group_by},
 * {@code group_wait}, {@code group_interval}, {@code repeat_interval}.
 */
@ConfigMapping(prefix = "observatory.alerts")
public interface AlertsConfig {

    /** Check states that make an alert. */
    @WithDefault("critical,error")
    List<CheckState> states();

    /** How long a check must stay a problem before its alert fires (a shorter problem sends nothing). */
    @WithName("for")
    @WithDefault("1m")
    Duration forDuration();

    /** {@link #forDuration()} per check kind, e.g. {@code observatory.alerts.for-kind.disk=10m}. */
    Map<String, Duration> forKind();

    /**
     * The labels alerts are grouped by, one notification per group: any of {@code alertname} (the check id),
     * {@code kind}, {@code target}, {@code severity} (the check state).
     */
    @WithDefault("kind")
    List<String> groupBy();

    /** How long a new group waits for more alerts before its first notification. */
    @WithDefault("30s")
    Duration groupWait();

    /** The least time between two notifications of a group whose alerts changed. */
    @WithDefault("5m")
    Duration groupInterval();

    /** How often a group whose firing alerts did not change is notified again. */
    @WithDefault("4h")
    Duration repeatInterval();

    /** How often groups are looked at for notifications that are due, and unsent notifications are sent. */
    @WithDefault("5s")
    Duration tick();
}

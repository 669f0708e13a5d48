package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One alert in a notification, shaped like Alertmanager's webhook alerts.
 *
 * @param status {@code firing} or {@code resolved}
 * @param labels {@code alertname} (the check id), {@code kind}, {@code target}, {@code severity} (the check state) and
 *     any grouping labels
 * @param annotations {@code summary} (the check's message) and {@code value}
 * @param startsAt when the check became a problem
 * @param endsAt when it recovered; null while firing
 * @param fingerprint stable id of the alert (the check id)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String fingerprint) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";
}

package dev.uniwizard.mesh.core.observatory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One notification for one alert group, sent to the webhook as JSON (Alertmanager's webhook shape, version 4) and
 * published on {@code <root>.events.alert}.
 *
 * @param version always {@code "4"}
 * @param id the notification's id
 * @param groupKey the group's key, e.g. {@code {kind="disk"}}
 * @param status {@code firing} when any alert in it fires, else {@code resolved}
 * @param receiver the route's name
 * @param groupLabels the labels the group is keyed by
 * @param alerts the group's alerts: those firing, and those resolved since the last notification
 * @param text the message as sent to chat platforms
 * @param sentAt when it was sent
 */
public record AlertNotification(
        String version,
        String id,
        String groupKey,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        List<Alert> alerts,
        String text,
        Instant sentAt) {}

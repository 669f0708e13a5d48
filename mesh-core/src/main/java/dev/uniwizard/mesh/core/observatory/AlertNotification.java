package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.HashMap;
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
 *     <p>Serialized with Alertmanager's derived fields too ({@code commonLabels}, {@code commonAnnotations},
 *     {@code externalURL}, {@code truncatedAlerts}), which receivers written for Alertmanager expect; they are
 *     ignored when read back.
 */
@JsonIgnoreProperties(
        value = {"commonLabels", "commonAnnotations", "externalURL", "truncatedAlerts"},
        allowGetters = true)
public record AlertNotification(
        String version,
        String id,
        String groupKey,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        List<Alert> alerts,
        String text,
        Instant sentAt) {

    /** The labels every alert of the notification has with the same value. */
    @JsonProperty("commonLabels")
    public Map<String, String> commonLabels() {
        return common(alerts.stream().map(Alert::labels).toList());
    }

    /** The annotations every alert of the notification has with the same value. */
    @JsonProperty("commonAnnotations")
    public Map<String, String> commonAnnotations() {
        return common(alerts.stream().map(Alert::annotations).toList());
    }

    /** Alertmanager's link back to itself; the observatory has no alert UI of its own, so empty. */
    @JsonProperty("externalURL")
    public String externalUrl() {
        return "";
    }

    /** Alerts left out of the notification: never, the observatory sends them all. */
    @JsonProperty("truncatedAlerts")
    public int truncatedAlerts() {
        return 0;
    }

    private static Map<String, String> common(List<Map<String, String>> maps) {
        if (maps.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new HashMap<>(maps.getFirst() == null ? Map.of() : maps.getFirst());
        for (Map<String, String> map : maps) {
            common.entrySet().removeIf(entry -> map == null || !entry.getValue().equals(map.get(entry.getKey())));
        }
        return Map.copyOf(common);
    }
}

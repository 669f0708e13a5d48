package dev.uniwizard.mesh.observatory.alerts;

import java.time.Instant;
import java.util.Map;

/**
 * A group of alerts notified together.
 *
 * @param key e.g. {@code {kind="disk"}}
 * @param labels the labels it is keyed by
 * @param createdAt when its first alert fired; the first notification waits {@code group-wait} from here
 * @param lastNotifiedAt when it was last notified; null before the first notification
 * @param notifiedFiring the firing alerts of the last notification, fingerprint to severity: a notification is due
 *     after {@code group-interval} when the firing alerts differ from these (or some resolved), else after
 *     {@code repeat-interval}
 */
public record AlertGroup(
        String key,
        Map<String, String> labels,
        Instant createdAt,
        Instant lastNotifiedAt,
        Map<String, String> notifiedFiring) {

    public AlertGroup {
        labels = Map.copyOf(labels);
        notifiedFiring = Map.copyOf(notifiedFiring);
    }

    static AlertGroup created(String key, Map<String, String> labels, Instant at) {
        return new AlertGroup(key, labels, at, null, Map.of());
    }

    AlertGroup notified(Instant at, Map<String, String> firing) {
        return new AlertGroup(key, labels, createdAt, at, firing);
    }
}

package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.observatory.Alert;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as the state machine keeps it.
 *
 * @param fingerprint the check id
 * @param phase pending, firing or resolved
 * @param groupKey the group it belongs to
 * @param labels see {@link AlertLabels}
 * @param annotations see {@link AlertLabels}
 * @param startsAt when the check became a problem
 * @param firedAt when the alert fired (after {@code for}); null while pending
 * @param endsAt when the check recovered; null unless resolved
 */
public record TrackedAlert(
        String fingerprint,
        AlertPhase phase,
        String groupKey,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant firedAt,
        Instant endsAt) {

    public TrackedAlert {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    static TrackedAlert pending(
            String fingerprint,
            String groupKey,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant at) {
        return new TrackedAlert(fingerprint, AlertPhase.PENDING, groupKey, labels, annotations, at, null, null);
    }

    TrackedAlert seenAgain(String group, Map<String, String> newLabels, Map<String, String> newAnnotations) {
        return new TrackedAlert(fingerprint, phase, group, newLabels, newAnnotations, startsAt, firedAt, endsAt);
    }

    TrackedAlert fire(Instant at) {
        return new TrackedAlert(fingerprint, AlertPhase.FIRING, groupKey, labels, annotations, startsAt, at, null);
    }

    TrackedAlert resolve(Instant at) {
        return new TrackedAlert(fingerprint, AlertPhase.RESOLVED, groupKey, labels, annotations, startsAt, firedAt, at);
    }

    public String severity() {
        return labels.getOrDefault(AlertLabels.SEVERITY, "");
    }

    public String kind() {
        return labels.getOrDefault(AlertLabels.KIND, "");
    }

    /** As sent: Alertmanager's alert shape; a pending alert's status is {@code pending}. */
    public Alert toAlert() {
        return new Alert(phase.wireName(), labels, annotations, startsAt, endsAt, fingerprint);
    }
}

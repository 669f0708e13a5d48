package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.observatory.Alert;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The alerting state machine, without IO or clock: {@link #evaluate} turns each evaluation of the checks into pending,
 * firing and resolved alerts; {@link #flush} decides which groups are notified now, Alertmanager-style.
 *
 * <ul>
 *   <li>A check in one of the alerting states makes a pending alert; it fires once the check stayed a problem for
 *       {@code for}. A check that recovers (or disappears) before drops its pending alert: nothing is sent.
 *   <li>A firing alert joins its group (created then). A new group is notified {@code group-wait} after it was
 *       created; later, a group whose firing alerts changed (new, gone, other severity) or that has resolved alerts is
 *       notified at most every {@code group-interval}; an unchanged firing group again after {@code repeat-interval}.
 *   <li>A firing alert whose check recovers (or disappears) is resolved and sent once, in its group's next
 *       notification. A group with no firing alert left is closed after that notification; one that was never
 *       notified is closed silently.
 *   <li>A check that becomes a problem again while its resolved alert was not yet sent gets a new pending alert; when
 *       that one fires it replaces the resolved one.
 * </ul>
 *
 * Times are cut to milliseconds, as stored.
 */
public final class AlertStateMachine {

    private final AlertRules rules;

    public AlertStateMachine(AlertRules rules) {
        this.rules = rules;
    }

    public AlertRules rules() {
        return rules;
    }

    /** The book after the checks were evaluated at {@code at} with {@code results} (all checks). */
    public AlertBook evaluate(AlertBook book, Instant at, List<CheckResult> results) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        Map<String, CheckResult> problems = new LinkedHashMap<>();
        for (CheckResult result : results) {
            if (result.id() != null && result.state() != null && rules.states().contains(result.state())) {
                problems.put(result.id(), result);
            }
        }
        Map<String, TrackedAlert> active = new TreeMap<>(book.active());
        Map<String, TrackedAlert> resolved = new TreeMap<>(book.resolved());
        Map<String, AlertGroup> groups = new TreeMap<>(book.groups());

        for (CheckResult problem : problems.values()) {
            Map<String, String> labels = AlertLabels.labels(problem);
            Map<String, String> groupLabels = AlertLabels.groupLabels(labels, rules.groupBy());
            String key = AlertLabels.groupKey(groupLabels);
            Map<String, String> annotations = AlertLabels.annotations(problem);
            TrackedAlert alert = active.get(problem.id());
            if (alert == null) {
                alert = TrackedAlert.pending(problem.id(), key, labels, annotations, now);
            } else if (alert.phase() == AlertPhase.FIRING && !alert.groupKey().equals(key)) {
                // Its labels moved it to another group: resolved in the old one, firing in the new one.
                resolved.put(alert.fingerprint(), alert.resolve(now));
                alert = new TrackedAlert(
                        alert.fingerprint(), AlertPhase.FIRING, key, labels, annotations, alert.startsAt(), now, null);
                groups.putIfAbsent(key, AlertGroup.created(key, groupLabels, now));
            } else {
                alert = alert.seenAgain(key, labels, annotations);
            }
            if (alert.phase() == AlertPhase.PENDING
                    && !now.isBefore(alert.startsAt().plus(rules.forOf(problem.kind())))) {
                alert = alert.fire(now);
                TrackedAlert earlier = resolved.get(alert.fingerprint());
                if (earlier != null && earlier.groupKey().equals(key)) {
                    resolved.remove(alert.fingerprint());
                }
                groups.putIfAbsent(key, AlertGroup.created(key, groupLabels, now));
            }
            active.put(alert.fingerprint(), alert);
        }
        for (TrackedAlert alert : book.active().values()) {
            if (!problems.containsKey(alert.fingerprint())) {
                active.remove(alert.fingerprint());
                if (alert.phase() == AlertPhase.FIRING) {
                    resolved.put(alert.fingerprint(), alert.resolve(now));
                }
            }
        }
        return new AlertBook(active, resolved, groups);
    }

    /** The notifications due at {@code at}, and the book as it is once they are sent. */
    public Flush flush(AlertBook book, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        Map<String, TrackedAlert> resolved = new TreeMap<>(book.resolved());
        Map<String, AlertGroup> groups = new TreeMap<>(book.groups());
        Map<String, List<TrackedAlert>> firingByGroup = byGroup(book.active().values().stream()
                .filter(a -> a.phase() == AlertPhase.FIRING)
                .toList());
        Map<String, List<TrackedAlert>> resolvedByGroup =
                byGroup(book.resolved().values().stream().toList());
        // A group for every alert that needs one, also after state was lost in part.
        for (String key : new TreeSet<>(firingByGroup.keySet())) {
            groups.putIfAbsent(key, AlertGroup.created(key, labelsOf(firingByGroup.get(key)), now));
        }
        for (String key : new TreeSet<>(resolvedByGroup.keySet())) {
            groups.putIfAbsent(key, AlertGroup.created(key, labelsOf(resolvedByGroup.get(key)), now));
        }

        List<GroupNotification> notifications = new ArrayList<>();
        for (AlertGroup group : List.copyOf(groups.values())) {
            List<TrackedAlert> firing = firingByGroup.getOrDefault(group.key(), List.of());
            List<TrackedAlert> done = resolvedByGroup.getOrDefault(group.key(), List.of());
            if (firing.isEmpty() && done.isEmpty()) {
                groups.remove(group.key());
                continue;
            }
            if (group.lastNotifiedAt() == null) {
                if (now.isBefore(group.createdAt().plus(rules.groupWait()))) {
                    continue;
                }
                if (firing.isEmpty()) {
                    // Fired and resolved before anyone was told: nothing to say.
                    done.forEach(a -> resolved.remove(a.fingerprint()));
                    groups.remove(group.key());
                    continue;
                }
            } else {
                boolean changed = !signature(firing).equals(group.notifiedFiring()) || !done.isEmpty();
                Instant due = group.lastNotifiedAt().plus(changed ? rules.groupInterval() : rules.repeatInterval());
                if (now.isBefore(due)) {
                    continue;
                }
            }
            notifications.add(notification(group, firing, done, now));
            done.forEach(a -> resolved.remove(a.fingerprint()));
            if (firing.isEmpty()) {
                groups.remove(group.key());
            } else {
                groups.put(group.key(), group.notified(now, signature(firing)));
            }
        }
        return new Flush(new AlertBook(book.active(), resolved, groups), notifications);
    }

    /** The notifications to send and the book to keep once they are on their way. */
    public record Flush(AlertBook book, List<GroupNotification> notifications) {

        public Flush {
            notifications = List.copyOf(notifications);
        }
    }

    private GroupNotification notification(
            AlertGroup group, List<TrackedAlert> firing, List<TrackedAlert> done, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        firing.forEach(a -> alerts.add(a.toAlert()));
        done.forEach(a -> alerts.add(a.toAlert()));
        Map<String, String> groupLabels = new LinkedHashMap<>();
        for (String name : rules.groupBy()) {
            if (group.labels().containsKey(name)) {
                groupLabels.put(name, group.labels().get(name));
            }
        }
        group.labels().forEach(groupLabels::putIfAbsent);
        return new GroupNotification(
                group.key(), groupLabels, firing.isEmpty() ? Alert.RESOLVED : Alert.FIRING, alerts, now);
    }

    private Map<String, String> labelsOf(List<TrackedAlert> alerts) {
        return AlertLabels.groupLabels(alerts.getFirst().labels(), rules.groupBy());
    }

    private static Map<String, List<TrackedAlert>> byGroup(List<TrackedAlert> alerts) {
        Map<String, List<TrackedAlert>> byGroup = new HashMap<>();
        alerts.stream().sorted(Comparator.comparing(TrackedAlert::fingerprint)).forEach(a -> byGroup.computeIfAbsent(
                        a.groupKey(), k -> new ArrayList<>())
                .add(a));
        return byGroup;
    }

    /** Fingerprint to severity of the firing alerts: what a notification told. */
    private static Map<String, String> signature(List<TrackedAlert> firing) {
        Map<String, String> signature = new TreeMap<>();
        firing.forEach(a -> signature.put(a.fingerprint(), a.severity()));
        return signature;
    }
}

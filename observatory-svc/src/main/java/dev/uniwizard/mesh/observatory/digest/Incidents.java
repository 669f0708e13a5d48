package dev.uniwizard.mesh.observatory.digest;

import dev.uniwizard.mesh.core.observatory.CheckIncidents;
import dev.uniwizard.mesh.core.observatory.CheckState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Each check's problems over a period, from its state changes: an incident is a change into critical or error from
 * anything else (or from nothing, the check's first result); problem time runs from such a change until the check
 * leaves critical and error, the period ends, or the check stopped reporting (its last snapshot is older than
 * {@code maxGap} at the period's end).
 */
public final class Incidents {

    /** A state change of a check. */
    public record Change(Instant at, CheckState to) {}

    /**
     * What is known of one check.
     *
     * @param stateAtStart its state when the period began (its last change before it), or null
     * @param changes its changes in the period, in time order
     * @param lastSeen its last snapshot in the period, or null
     */
    public record History(CheckState stateAtStart, List<Change> changes, Instant lastSeen) {}

    private Incidents() {}

    /** The checks that had problems in {@code [from, to)}, most incidents first, then longest problem. */
    public static List<CheckIncidents> of(Map<String, History> checks, Instant from, Instant to, Duration maxGap) {
        List<CheckIncidents> incidents = new ArrayList<>();
        checks.forEach((check, history) -> {
            CheckState state = history.stateAtStart();
            Instant since = from;
            long count = 0;
            long problemMillis = 0;
            CheckState worst = state != null && state.isProblem() ? state : null;
            for (Change change : history.changes()) {
                if (state != null && state.isProblem()) {
                    problemMillis += Duration.between(since, change.at()).toMillis();
                }
                if (change.to().isProblem()) {
                    if (state == null || !state.isProblem()) {
                        count++;
                    }
                    worst = worst == null ? change.to() : CheckState.worst(worst, change.to());
                }
                state = change.to();
                since = change.at().isBefore(from) ? from : change.at();
            }
            if (state != null && state.isProblem()) {
                Instant end = to;
                if (history.lastSeen() == null) {
                    end = since;
                } else if (Duration.between(history.lastSeen(), to).compareTo(maxGap) > 0) {
                    end = history.lastSeen().isBefore(since) ? since : history.lastSeen();
                }
                problemMillis += Duration.between(since, end).toMillis();
            }
            if (count > 0 || problemMillis > 0) {
                incidents.add(new CheckIncidents(check, count, problemMillis / 1000, worst));
            }
        });
        incidents.sort(Comparator.comparingLong(CheckIncidents::incidents)
                .reversed()
                .thenComparing(
                        Comparator.comparingLong(CheckIncidents::problemSeconds).reversed())
                .thenComparing(CheckIncidents::check));
        return List.copyOf(incidents);
    }
}

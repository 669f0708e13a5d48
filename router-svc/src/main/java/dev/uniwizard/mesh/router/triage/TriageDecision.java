package dev.uniwizard.mesh.router.triage;

import java.util.List;

/**
 * Where a Gitea event goes and what labels it gets besides {@code house/<house>}.
 *
 * @param house the chosen house
 * @param labels labels to add (from the rule's {@code add-labels} or the model)
 * @param reason why, for the task's {@code routedBecause} and the "Routed to" comment
 */
public record TriageDecision(String house, List<String> labels, String reason) {

    public TriageDecision {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}

package dev.uniwizard.mesh.router.triage;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The triage rules in order (first match wins) and the house for events no rule matches. */
public final class TriageRules {

    private final List<TriageRule> rules;
    private final String defaultHouse;

    public TriageRules(List<TriageRule> rules, String defaultHouse) {
        this.rules = List.copyOf(rules);
        this.defaultHouse = defaultHouse;
    }

    public List<TriageRule> rules() {
        return rules;
    }

    public String defaultHouse() {
        return defaultHouse;
    }

    /** Whether any rule for {@code event} looks at touched files. */
    public boolean needPaths(String event) {
        return rules.stream().anyMatch(r -> r.appliesTo(event) && r.needsPaths());
    }

    /** The first rule that matches, as a decision with its {@code add-labels}. */
    public Optional<TriageDecision> firstMatch(GiteaEventPayload event) {
        for (TriageRule rule : rules) {
            Optional<String> reason = rule.match(event);
            if (reason.isPresent()) {
                return Optional.of(new TriageDecision(rule.house(), rule.addLabels(), reason.get()));
            }
        }
        return Optional.empty();
    }

    /** The first matching rule's decision, else the default house. */
    public TriageDecision decide(GiteaEventPayload event) {
        return firstMatch(event).orElseGet(() -> new TriageDecision(defaultHouse, List.of(), "default house"));
    }

    /** Every label the rules name (existing or added): the labels a model may choose from. */
    public Set<String> knownLabels() {
        Set<String> labels = new LinkedHashSet<>();
        for (TriageRule rule : rules) {
            labels.addAll(rule.labels());
            labels.addAll(rule.addLabels());
        }
        return labels;
    }
}

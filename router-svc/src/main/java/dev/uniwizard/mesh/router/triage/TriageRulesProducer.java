package dev.uniwizard.mesh.router.triage;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import dev.uniwizard.mesh.router.config.RouterConfig;
import dev.uniwizard.mesh.router.routing.HouseSelector;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compiles {@code router.triage.*} into {@link TriageRules} at startup; a rule naming an unknown house or event, a
 * blank name or a blank glob stops the router with a message that says which rule and what is wrong.
 */
public class TriageRulesProducer {

    @Produces
    @Singleton
    TriageRules rules(RouterConfig config, HouseSelector selector) {
        return compile(config.triage(), selector);
    }

    /** The rules of {@code triage}, checked against the known houses. */
    public static TriageRules compile(RouterConfig.Triage triage, HouseSelector selector) {
        String defaultHouse = triage.defaultHouse()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .orElse(selector.defaultHouse());
        if (!selector.isHouse(defaultHouse)) {
            throw new IllegalArgumentException("router.triage.default-house '" + defaultHouse
                    + "' is not one of router.houses " + selector.houses());
        }
        List<TriageRule> rules = new ArrayList<>();
        List<RouterConfig.Rule> configured = triage.rules().orElse(List.of());
        for (int i = 0; i < configured.size(); i++) {
            rules.add(compile(i, configured.get(i), selector));
        }
        return new TriageRules(rules, defaultHouse);
    }

    private static TriageRule compile(int index, RouterConfig.Rule rule, HouseSelector selector) {
        String where = "router.triage.rules[" + index + "]";
        if (rule.name() == null || rule.name().isBlank()) {
            throw new IllegalArgumentException(where + ".name is blank: give every rule a name for the routing reason");
        }
        String house = rule.house().strip().toLowerCase(Locale.ROOT);
        if (!selector.isHouse(house)) {
            throw new IllegalArgumentException(where + " (" + rule.name() + "): house '" + rule.house()
                    + "' is not one of router.houses " + selector.houses());
        }
        Set<String> events = rule.events().stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String event : events) {
            if (!GiteaEventPayload.SUPPORTED.contains(event)) {
                throw new IllegalArgumentException(where + " (" + rule.name() + "): event '" + event
                        + "' is not one of " + GiteaEventPayload.SUPPORTED);
            }
        }
        try {
            return new TriageRule(
                    rule.name().strip(),
                    house,
                    clean(rule.labels().orElse(List.of())),
                    clean(rule.paths().orElse(List.of())).stream().map(Glob::of).toList(),
                    clean(rule.keywords().orElse(List.of())).stream()
                            .map(Keyword::of)
                            .toList(),
                    events,
                    clean(rule.addLabels().orElse(List.of())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + rule.name() + "): " + e.getMessage(), e);
        }
    }

    private static List<String> clean(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}

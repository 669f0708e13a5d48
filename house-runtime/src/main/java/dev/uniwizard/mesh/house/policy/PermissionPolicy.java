package dev.uniwizard.mesh.house.policy;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.PermissionsConfig;
import dev.uniwizard.mesh.house.policy.PermissionDecision.Verdict;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The house's permission rules ({@code house.permissions.allow|ask|deny}). Deny wins over ask and ask over allow; a
 * call that no rule matches is denied. A bad rule fails start-up with the rule quoted.
 */
@Singleton
public class PermissionPolicy {

    private final String house;
    private final List<PermissionRule> allow;
    private final List<PermissionRule> ask;
    private final List<PermissionRule> deny;

    @Inject
    public PermissionPolicy(HouseConfig config) {
        this(config.name(), config.permissions());
    }

    public PermissionPolicy(String house, PermissionsConfig permissions) {
        this(
                house,
                permissions.allow(),
                permissions.ask().orElse(List.of()),
                permissions.deny().orElse(List.of()));
    }

    public PermissionPolicy(String house, List<String> allow, List<String> ask, List<String> deny) {
        this.house = house;
        this.allow = parse(allow);
        this.ask = parse(ask);
        this.deny = parse(deny);
    }

    public PermissionDecision decide(String tool, Optional<String> target) {
        String call = tool + target.map(t -> "(" + t + ")").orElse("");
        Optional<PermissionRule> denied = first(deny, tool, target);
        if (denied.isPresent()) {
            return new PermissionDecision(
                    Verdict.DENY,
                    denied.get().toString(),
                    "Permission denied: house '" + house + "' may not run " + call + " (rule deny: " + denied.get()
                            + ").");
        }
        Optional<PermissionRule> asked = first(ask, tool, target);
        if (asked.isPresent()) {
            return new PermissionDecision(
                    Verdict.ASK,
                    asked.get().toString(),
                    "House '" + house + "' needs an approval to run " + call + " (rule ask: " + asked.get() + ").");
        }
        Optional<PermissionRule> allowed = first(allow, tool, target);
        if (allowed.isPresent()) {
            return new PermissionDecision(Verdict.ALLOW, allowed.get().toString(), "allowed by rule " + allowed.get());
        }
        return new PermissionDecision(
                Verdict.DENY,
                null,
                "Permission denied: no rule of house '" + house + "' allows " + call
                        + " (calls that no allow or ask rule matches are denied).");
    }

    private static Optional<PermissionRule> first(List<PermissionRule> rules, String tool, Optional<String> target) {
        return rules.stream().filter(rule -> rule.matches(tool, target)).findFirst();
    }

    private static List<PermissionRule> parse(List<String> rules) {
        return rules.stream()
                .map(String::strip)
                .filter(rule -> !rule.isEmpty())
                .map(PermissionRule::parse)
                .toList();
    }
}

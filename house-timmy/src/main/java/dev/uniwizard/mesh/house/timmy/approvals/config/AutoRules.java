package dev.uniwizard.mesh.house.timmy.approvals.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.house.policy.PermissionRule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Decides requests without the operator when a configured rule covers them: {@code timmy.approvals.auto-deny} first,
 * then {@code timmy.approvals.auto-approve}. Rules are read at start, so a mistyped rule stops Timmy with the reason
 * instead of silently never matching.
 */
@Singleton
public class AutoRules {

    /** The arguments that name what a call acts on, in the order they are looked for. */
    static final List<String> TARGET_ARGUMENTS = List.of("path", "repo", "url");

    private final List<PermissionRule> deny;
    private final List<PermissionRule> approve;

    @Inject
    public AutoRules(ApprovalAuthorityConfig config) {
        this(config.autoDeny().orElse(List.of()), config.autoApprove().orElse(List.of()));
    }

    AutoRules(List<String> deny, List<String> approve) {
        this.deny = parse("timmy.approvals.auto-deny", deny);
        this.approve = parse("timmy.approvals.auto-approve", approve);
    }

    /** A decision with the rule that made it. */
    public record AutoDecision(ApprovalState state, String rule) {

        /** The {@code decided_by} of the decision: {@code timmy:rule <pattern>}. */
        public String decidedBy() {
            return "timmy:rule " + rule;
        }
    }

    /** The decision of the first matching rule, deny rules first; empty when the operator must decide. */
    public Optional<AutoDecision> decide(String tool, JsonNode arguments) {
        Optional<String> target = target(arguments);
        for (PermissionRule rule : deny) {
            if (rule.matches(tool, target)) {
                return Optional.of(new AutoDecision(ApprovalState.DENIED, rule.toString()));
            }
        }
        if (target.isPresent() && climbs(target.get())) {
            return Optional.empty(); // docs/../secret must not pass as docs/**: the operator decides
        }
        for (PermissionRule rule : approve) {
            if (rule.matches(tool, target)) {
                return Optional.of(new AutoDecision(ApprovalState.APPROVED, rule.toString()));
            }
        }
        return Optional.empty();
    }

    /** Whether a path-like target could leave what its text seems to name: a {@code ..} segment or an absolute path. */
    static boolean climbs(String target) {
        String path = target.replace('\\', '/');
        return path.startsWith("/") || java.util.Arrays.asList(path.split("/")).contains("..");
    }

    /** The text of the first of {@code path}, {@code repo}, {@code url} that the arguments hold. */
    static Optional<String> target(JsonNode arguments) {
        if (arguments == null || !arguments.isObject()) {
            return Optional.empty();
        }
        for (String name : TARGET_ARGUMENTS) {
            JsonNode value = arguments.get(name);
            if (value != null && value.isValueNode() && !value.isNull()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    private static List<PermissionRule> parse(String key, List<String> rules) {
        return rules.stream()
                .filter(rule -> !rule.isBlank())
                .map(rule -> {
                    try {
                        return PermissionRule.parse(rule);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(key + ": " + e.getMessage(), e);
                    }
                })
                .toList();
    }
}

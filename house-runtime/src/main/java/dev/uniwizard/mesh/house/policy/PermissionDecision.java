package dev.uniwizard.mesh.house.policy;

/**
 * What the permission rules say of one call.
 *
 * @param verdict allow, ask (approval needed) or deny
 * @param rule the rule that decided, null when no rule matched
 * @param explanation a sentence for the model and the operator
 */
public record PermissionDecision(Verdict verdict, String rule, String explanation) {

    public enum Verdict {
        ALLOW,
        ASK,
        DENY
    }
}

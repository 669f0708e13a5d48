package dev.uniwizard.mesh.house.timmy.approvals.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.approval.ApprovalState;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoRulesTest {

    @Test
    void theTargetIsThePathRepoOrUrlArgument() {
        assertThat(AutoRules.target(json(Map.of("path", "docs/a.md", "url", "http://x"))))
                .contains("docs/a.md");
        assertThat(AutoRules.target(json(Map.of("repo", "mesh/core")))).contains("mesh/core");
        assertThat(AutoRules.target(json(Map.of("url", "https://example.org/"))))
                .contains("https://example.org/");
        assertThat(AutoRules.target(json(Map.of("command", "ls")))).isEmpty();
        assertThat(AutoRules.target(json(Map.of("path", List.of("a", "b"))))).isEmpty();
    }

    @Test
    void denyWinsAndNothingIsDecidedWithoutARule() {
        AutoRules rules = new AutoRules(List.of("git_push(**)"), List.of("git_*", "file_read(docs/**)"));

        assertThat(rules.decide("git_status", json(Map.of("repo", "mesh"))))
                .contains(new AutoRules.AutoDecision(ApprovalState.APPROVED, "git_*"));
        assertThat(rules.decide("git_push", json(Map.of("repo", "mesh"))))
                .contains(new AutoRules.AutoDecision(ApprovalState.DENIED, "git_push(**)"));
        assertThat(rules.decide("file_read", json(Map.of("path", "src/a.java"))))
                .isEmpty();
        assertThat(rules.decide("file_read", json(Map.of())))
                .as("an argument rule needs a target")
                .isEmpty();
        assertThat(new AutoRules(List.of(), List.of()).decide("anything", json(Map.of())))
                .isEqualTo(Optional.empty());
        assertThat(new AutoRules.AutoDecision(ApprovalState.DENIED, "git_push(**)").decidedBy())
                .isEqualTo("timmy:rule git_push(**)");
    }

    @Test
    void aPathThatClimbsOutIsNeverApprovedByARule() {
        AutoRules rules = new AutoRules(List.of(), List.of("file_read(docs/**)", "file_read(*)"));

        assertThat(rules.decide("file_read", json(Map.of("path", "docs/guide.md"))))
                .contains(new AutoRules.AutoDecision(ApprovalState.APPROVED, "file_read(docs/**)"));
        assertThat(rules.decide("file_read", json(Map.of("path", "docs/../secret.txt"))))
                .isEmpty();
        assertThat(rules.decide("file_read", json(Map.of("path", "/etc/passwd"))))
                .isEmpty();
    }

    @Test
    void aMistypedRuleStopsTheStartWithItsKey() {
        assertThatThrownBy(() -> new AutoRules(List.of(), List.of("File Read")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("timmy.approvals.auto-approve")
                .hasMessageContaining("'File Read'");
    }

    private static JsonNode json(Map<String, Object> values) {
        return EnvelopeCodec.mapper().valueToTree(values);
    }
}

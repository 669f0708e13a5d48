package dev.uniwizard.mesh.house.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.house.policy.PermissionDecision.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionPolicyTest {

    @Test
    void toolPatternsMatchByWildcard() {
        PermissionRule git = PermissionRule.parse("git_*");

        assertThat(git.matches("git_status", Optional.empty())).isTrue();
        assertThat(git.matches("git_commit", Optional.of("."))).isTrue();
        assertThat(git.matches("gitea_comment", Optional.empty())).isFalse();
        assertThat(PermissionRule.parse("*").matches("anything", Optional.empty()))
                .isTrue();
    }

    @Test
    void argumentGlobsMatchPathsAndFileNames() {
        PermissionRule markdown = PermissionRule.parse("file_write(*.md)");
        PermissionRule docs = PermissionRule.parse("file_write(docs/**)");

        assertThat(markdown.matches("file_write", Optional.of("README.md"))).isTrue();
        assertThat(markdown.matches("file_write", Optional.of("docs/guide.md"))).isTrue();
        assertThat(markdown.matches("file_write", Optional.of("src/Main.java"))).isFalse();
        assertThat(markdown.matches("file_write", Optional.empty())).isFalse();
        assertThat(docs.matches("file_write", Optional.of("docs/a/b.txt"))).isTrue();
        assertThat(docs.matches("file_write", Optional.of("src/docs/b.txt"))).isFalse();
    }

    @Test
    void commandPrefixPatternsMatchTheCommandWordOnly() {
        PermissionRule git = PermissionRule.parse("shell(git:*)");

        assertThat(git.matches("shell", Optional.of("git status"))).isTrue();
        assertThat(git.matches("shell", Optional.of("git"))).isTrue();
        assertThat(git.matches("shell", Optional.of("gitk"))).isFalse();
        assertThat(git.matches("shell", Optional.of("rm -rf /; git status"))).isFalse();
        assertThat(PermissionRule.parse("send_message(telegram:*)").matches("send_message", Optional.of("telegram:42")))
                .isTrue();
    }

    @Test
    void denyWinsOverAskAndAskOverAllow() {
        PermissionPolicy policy =
                new PermissionPolicy("ezra", List.of("*"), List.of("file_write(*.md)"), List.of("file_write(*.java)"));

        assertThat(policy.decide("file_read", Optional.of("a.java")).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(policy.decide("file_write", Optional.of("docs/a.md")).verdict())
                .isEqualTo(Verdict.ASK);
        PermissionDecision denied = policy.decide("file_write", Optional.of("src/A.java"));
        assertThat(denied.verdict()).isEqualTo(Verdict.DENY);
        assertThat(denied.explanation())
                .contains("house 'ezra' may not run file_write(src/A.java)", "rule deny: file_write(*.java)");
    }

    @Test
    void callsNoRuleMatchesAreDenied() {
        PermissionPolicy policy = new PermissionPolicy("ezra", List.of("file_*"), List.of(), List.of());

        PermissionDecision decision = policy.decide("git_commit", Optional.of("."));

        assertThat(decision.verdict()).isEqualTo(Verdict.DENY);
        assertThat(decision.explanation()).contains("no rule of house 'ezra' allows git_commit(.)");
    }

    @Test
    void aBadRuleIsRefusedWithTheRuleQuoted() {
        assertThatThrownBy(() -> PermissionRule.parse("File Write(*.md"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'File Write(*.md' is not valid");
    }
}

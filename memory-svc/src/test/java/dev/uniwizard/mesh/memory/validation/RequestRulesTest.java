package dev.uniwizard.mesh.memory.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

    private final RequestRules rules = new RequestRules(10);

    @Test
    void aCompleteAppendPasses() {
        assertThat(rules.check(append("c-1", "e-1", "user", "0123456789"))).isEmpty();
        assertThat(rules.check(append("c-1", "e-1", "system", ""))).isEmpty();
    }

    @Test
    void conversationIdMustBePresentAndShort() {
        assertThat(rules.check(append(" ", "e-1", "user", "hi")))
                .contains(Problem.badRequest("conversationId is required"));
        assertThat(rules.check(append("c".repeat(129), "e-1", "user", "hi")))
                .hasValueSatisfying(
                        p -> assertThat(p.message()).contains("129 characters").contains("128"));
        assertThat(rules.check(append("c".repeat(128), "e-1", "user", "hi"))).isEmpty();
    }

    @Test
    void envelopeIdIsRequired() {
        assertThat(rules.check(append("c-1", null, "user", "hi")))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("envelopeId is required"));
    }

    @Test
    void roleMustBeOneOfTheFour() {
        assertThat(rules.check(append("c-1", "e-1", "wizard", "hi"))).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo(Problem.BAD_REQUEST);
            assertThat(p.message()).contains("user, assistant, tool, system").contains("'wizard'");
        });
        assertThat(rules.check(append("c-1", "e-1", null, "hi"))).isPresent();
        assertThat(rules.check(append("c-1", "e-1", "User", "hi"))).isPresent();
    }

    @Test
    void contentIsRequiredAndLimited() {
        assertThat(rules.check(append("c-1", "e-1", "tool", null)))
                .hasValueSatisfying(p -> assertThat(p.message()).startsWith("content is required"));
        assertThat(rules.check(append("c-1", "e-1", "tool", "x".repeat(11))))
                .contains(new Problem(Problem.TOO_LARGE, "content is 11 characters long, at most 10 are stored"));
    }

    @Test
    void historyLimitIsBetweenOneAndAThousand() {
        assertThat(rules.check(new MemoryHistoryRequest("c-1", 1))).isEmpty();
        assertThat(rules.check(new MemoryHistoryRequest("c-1", 1000))).isEmpty();
        assertThat(rules.check(new MemoryHistoryRequest("c-1", 0)))
                .contains(Problem.badRequest("limit must be between 1 and 1000, got 0"));
        assertThat(rules.check(new MemoryHistoryRequest("c-1", 1001))).isPresent();
        assertThat(rules.check(new MemoryHistoryRequest(null, 10)))
                .contains(Problem.badRequest("conversationId is required"));
    }

    @Test
    void theContentLimitMustBePositive() {
        assertThatThrownBy(() -> new RequestRules(0)).hasMessageContaining("memory.max-content-chars");
    }

    private static MemoryAppendRequest append(String conversationId, String envelopeId, String role, String content) {
        return new MemoryAppendRequest(
                conversationId, envelopeId, role, "ezra", new Sender("http", "alice", "Alice"), content, Instant.now());
    }
}

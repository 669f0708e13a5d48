package dev.uniwizard.mesh.memory.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
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
    void contentWithANulCharacterIsRefusedNotRetriedForEver() {
        assertThat(rules.check(append("c-1", "e-1", "user", "ab\u0000c")))
                .hasValueSatisfying(problem ->
                        assertThat(problem.message()).contains("content contains a NUL character", "position 2"));
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
    void toolCallsWithinTheLimitsPass() {
        ToolCallTrace longest = new ToolCallTrace("c".repeat(128), "t".repeat(64), null, null);
        List<ToolCallTrace> most = Collections.nCopies(64, call("file_read", object("path", "a.md")));

        assertThat(rules.check(withCalls("assistant", most))).isEmpty();
        assertThat(rules.check(withCalls("assistant", List.of(longest)))).isEmpty();
        assertThat(rules.check(withCalls("assistant", List.of(new ToolCallTrace(null, "clock", null, null)))))
                .isEmpty();
        assertThat(rules.check(
                        withCalls("tool", List.of(new ToolCallTrace("c1", "clock", NullNode.getInstance(), "ok")))))
                .isEmpty();
    }

    @Test
    void atMostSixtyFourToolCallsPerMessage() {
        List<ToolCallTrace> tooMany = Collections.nCopies(65, call("file_read", object("path", "a.md")));

        assertThat(rules.check(withCalls("assistant", tooMany)))
                .contains(new Problem(
                        Problem.TOO_LARGE, "toolCalls has 65 entries, at most 64 are stored with one message"));
    }

    @Test
    void everyToolCallNamesAToolOfSixtyFourCharactersAtMost() {
        List<ToolCallTrace> blank = List.of(call("clock", null), new ToolCallTrace("c2", " ", null, null));
        List<ToolCallTrace> missing = List.of(new ToolCallTrace("c1", null, null, null));
        List<ToolCallTrace> tooLong = List.of(new ToolCallTrace("c1", "t".repeat(65), null, null));

        assertThat(rules.check(withCalls("assistant", blank)))
                .contains(Problem.badRequest("toolCalls[1].tool is required (the name of the tool called)"));
        assertThat(rules.check(withCalls("assistant", missing)))
                .contains(Problem.badRequest("toolCalls[0].tool is required (the name of the tool called)"));
        assertThat(rules.check(withCalls("assistant", tooLong)))
                .contains(Problem.badRequest("toolCalls[0].tool is 65 characters long, at most 64 are allowed"));
    }

    @Test
    void aCallIdHasAtMostOneHundredTwentyEightCharacters() {
        List<ToolCallTrace> calls = List.of(new ToolCallTrace("c".repeat(129), "clock", null, null));

        assertThat(rules.check(withCalls("assistant", calls)))
                .contains(Problem.badRequest("toolCalls[0].callId is 129 characters long, at most 128 are allowed"));
    }

    @Test
    void argumentsAreAJsonObjectWhenPresent() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<ToolCallTrace> array =
                List.of(new ToolCallTrace("c1", "clock", json.arrayNode().add(1), null));
        List<ToolCallTrace> text = List.of(new ToolCallTrace("c1", "clock", json.textNode("{}"), "ok"));

        assertThat(rules.check(withCalls("assistant", array)))
                .contains(Problem.badRequest("toolCalls[0].arguments must be a JSON object (or absent), got array"));
        assertThat(rules.check(withCalls("tool", text)))
                .contains(Problem.badRequest("toolCalls[0].arguments must be a JSON object (or absent), got string"));
    }

    @Test
    void allToolCallsTogetherTakeAtMost256KiBOfJson() throws Exception {
        int empty = EnvelopeCodec.mapper().writeValueAsBytes(List.of(call("file_write", object("text", "")))).length;
        List<ToolCallTrace> exactly =
                List.of(call("file_write", object("text", "x".repeat(RequestRules.MAX_TOOL_CALLS_BYTES - empty))));
        List<ToolCallTrace> oneMore =
                List.of(call("file_write", object("text", "x".repeat(RequestRules.MAX_TOOL_CALLS_BYTES - empty + 1))));

        assertThat(rules.check(withCalls("assistant", exactly))).isEmpty();
        assertThat(rules.check(withCalls("assistant", oneMore)))
                .contains(new Problem(
                        Problem.TOO_LARGE,
                        "toolCalls take 262145 bytes as JSON, at most 262144 (256 KiB) are stored with one message"));
    }

    @Test
    void aToolMessageCarriesExactlyTheOneCallItAnswers() {
        assertThat(rules.check(withCalls("tool", List.of())))
                .contains(Problem.badRequest(
                        "a tool message must carry exactly one entry in toolCalls (the call it answers), got 0"));
        assertThat(rules.check(withCalls("tool", List.of(call("clock", null), call("clock", null)))))
                .contains(Problem.badRequest(
                        "a tool message must carry exactly one entry in toolCalls (the call it answers), got 2"));
        assertThat(rules.check(withCalls("tool", List.of(call("clock", null))))).isEmpty();
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

    private static MemoryAppendRequest withCalls(String role, List<ToolCallTrace> calls) {
        return new MemoryAppendRequest("c-1", "e-1", role, "ezra", null, "", Instant.now(), calls);
    }

    private static ToolCallTrace call(String tool, JsonNode arguments) {
        return new ToolCallTrace("call-1", tool, arguments, null);
    }

    private static JsonNode object(String field, String value) {
        return JsonNodeFactory.instance.objectNode().put(field, value);
    }

    private static MemoryAppendRequest append(String conversationId, String envelopeId, String role, String content) {
        return new MemoryAppendRequest(
                conversationId, envelopeId, role, "ezra", new Sender("http", "alice", "Alice"), content, Instant.now());
    }
}

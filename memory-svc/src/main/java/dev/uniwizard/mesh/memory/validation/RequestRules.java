package dev.uniwizard.mesh.memory.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import dev.uniwizard.mesh.core.payload.ToolCallTrace;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What memory accepts, for requests over NATS and reads over HTTP alike. */
public final class RequestRules {

    public static final int MAX_CONVERSATION_ID_CHARS = 128;
    public static final int MAX_ENVELOPE_ID_CHARS = 128;
    public static final int MAX_LIMIT = 1000;
    public static final Set<String> ROLES = Set.of("user", "assistant", "tool", "system");
    public static final int MAX_TOOL_CALLS = 64;
    public static final int MAX_TOOL_NAME_CHARS = 64;
    public static final int MAX_CALL_ID_CHARS = 128;
    /** Largest {@code toolCalls} stored, in bytes of JSON. */
    public static final int MAX_TOOL_CALLS_BYTES = 256 * 1024;

    private final int maxContentChars;

    public RequestRules(int maxContentChars) {
        if (maxContentChars < 1) {
            throw new IllegalArgumentException("memory.max-content-chars must be at least 1, got " + maxContentChars);
        }
        this.maxContentChars = maxContentChars;
    }

    public Optional<Problem> check(MemoryAppendRequest request) {
        return firstOf(
                conversationId(request.conversationId()),
                envelopeId(request.envelopeId()),
                role(request.role()),
                content(request.content()),
                toolCalls(request.role(), request.toolCalls()));
    }

    public Optional<Problem> check(MemoryHistoryRequest request) {
        return firstOf(conversationId(request.conversationId()), limit(request.limit()));
    }

    public static Optional<Problem> conversationId(String id) {
        if (id == null || id.isBlank()) {
            return bad("conversationId is required");
        }
        if (id.length() > MAX_CONVERSATION_ID_CHARS) {
            return bad("conversationId is " + id.length() + " characters long, at most " + MAX_CONVERSATION_ID_CHARS
                    + " are allowed");
        }
        return Optional.empty();
    }

    public static Optional<Problem> limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return bad("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        return Optional.empty();
    }

    private static Optional<Problem> envelopeId(String id) {
        if (id == null || id.isBlank()) {
            return bad("envelopeId is required (the id of the envelope the message came in or went out with)");
        }
        if (id.length() > MAX_ENVELOPE_ID_CHARS) {
            return bad("envelopeId is " + id.length() + " characters long, at most " + MAX_ENVELOPE_ID_CHARS
                    + " are allowed");
        }
        return Optional.empty();
    }

    private static Optional<Problem> role(String role) {
        if (role == null || !ROLES.contains(role)) {
            return bad("role must be one of user, assistant, tool, system; got "
                    + (role == null ? "nothing" : "'" + role + "'"));
        }
        return Optional.empty();
    }

    private Optional<Problem> content(String content) {
        if (content == null) {
            return bad("content is required (it may be empty)");
        }
        if (content.length() > maxContentChars) {
            return Optional.of(new Problem(
                    Problem.TOO_LARGE,
                    "content is " + content.length() + " characters long, at most " + maxContentChars + " are stored"));
        }
        return TextChecks.noNul("content", content);
    }

    private static Optional<Problem> toolCalls(String role, List<ToolCallTrace> calls) {
        if (calls.size() > MAX_TOOL_CALLS) {
            return Optional.of(new Problem(
                    Problem.TOO_LARGE,
                    "toolCalls has " + calls.size() + " entries, at most " + MAX_TOOL_CALLS
                            + " are stored with one message"));
        }
        if ("tool".equals(role) && calls.size() != 1) {
            return bad("a tool message must carry exactly one entry in toolCalls (the call it answers), got "
                    + calls.size());
        }
        for (int i = 0; i < calls.size(); i++) {
            Optional<Problem> problem = toolCall("toolCalls[" + i + "]", calls.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (json(calls).contains("\\u0000")) {
            return bad("toolCalls contain a NUL character (\\u0000); PostgreSQL cannot store it in JSON, remove it");
        }
        int bytes = jsonBytes(calls);
        if (bytes > MAX_TOOL_CALLS_BYTES) {
            return Optional.of(new Problem(
                    Problem.TOO_LARGE,
                    "toolCalls take " + bytes + " bytes as JSON, at most " + MAX_TOOL_CALLS_BYTES
                            + " (256 KiB) are stored with one message"));
        }
        return Optional.empty();
    }

    private static Optional<Problem> toolCall(String where, ToolCallTrace call) {
        if (call.tool() == null || call.tool().isBlank()) {
            return bad(where + ".tool is required (the name of the tool called)");
        }
        if (call.tool().length() > MAX_TOOL_NAME_CHARS) {
            return bad(where + ".tool is " + call.tool().length() + " characters long, at most " + MAX_TOOL_NAME_CHARS
                    + " are allowed");
        }
        if (call.callId() != null && call.callId().length() > MAX_CALL_ID_CHARS) {
            return bad(where + ".callId is " + call.callId().length() + " characters long, at most " + MAX_CALL_ID_CHARS
                    + " are allowed");
        }
        JsonNode arguments = call.arguments();
        if (arguments != null && !arguments.isNull() && !arguments.isMissingNode() && !arguments.isObject()) {
            return bad(where + ".arguments must be a JSON object (or absent), got "
                    + arguments.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static int jsonBytes(List<ToolCallTrace> calls) {
        return json(calls).getBytes(StandardCharsets.UTF_8).length;
    }

    private static String json(List<ToolCallTrace> calls) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(calls);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("toolCalls cannot be written as JSON", e);
        }
    }

    @SafeVarargs
    private static Optional<Problem> firstOf(Optional<Problem>... checks) {
        for (Optional<Problem> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> bad(String message) {
        return Optional.of(Problem.badRequest(message));
    }
}

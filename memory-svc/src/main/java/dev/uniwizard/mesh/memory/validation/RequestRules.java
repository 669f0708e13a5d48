package dev.uniwizard.mesh.memory.validation;

import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.core.payload.MemoryHistoryRequest;
import java.util.Optional;
import java.util.Set;

/** What memory accepts, for requests over NATS and reads over HTTP alike. */
public final class RequestRules {

    public static final int MAX_CONVERSATION_ID_CHARS = 128;
    public static final int MAX_ENVELOPE_ID_CHARS = 128;
    public static final int MAX_LIMIT = 1000;
    public static final Set<String> ROLES = Set.of("user", "assistant", "tool", "system");

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
                content(request.content()));
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
        return Optional.empty();
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

package dev.uniwizard.mesh.memory.validation;

import static dev.uniwizard.mesh.memory.validation.TextChecks.atMost;
import static dev.uniwizard.mesh.memory.validation.TextChecks.firstOf;
import static dev.uniwizard.mesh.memory.validation.TextChecks.noNul;

import dev.uniwizard.mesh.core.memory.ExpireRequest;
import dev.uniwizard.mesh.core.memory.MarkersRequest;
import dev.uniwizard.mesh.core.memory.MemoryTypes;
import dev.uniwizard.mesh.core.memory.ProjectKeys;
import dev.uniwizard.mesh.core.memory.ProjectMemoryListRequest;
import dev.uniwizard.mesh.core.memory.PromoteRequest;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.memory.project.MarkerText;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What project memory accepts: promotions ({@code memory.max-content-chars}, {@code memory.markers.max-chars}), list,
 * expire and markers requests. Every refusal says which field is wrong and what would be right.
 */
public final class ProjectMemoryRules {

    public static final int MAX_PROJECT_CHARS = ProjectKeys.MAX_CHARS;
    public static final int MAX_REQUEST_ID_CHARS = 128;
    public static final int MAX_HOUSES = 32;
    public static final int MAX_SOURCE_SEQS = 1000;
    public static final int MAX_REASON_CHARS = 1000;
    public static final int DEFAULT_LIST_LIMIT = 50;
    public static final int MAX_LIST_LIMIT = 1000;
    public static final int MAX_MARKERS_LIMIT = 100;

    private final int maxContentChars;
    private final int maxMarkerChars;
    private final int defaultMarkers;
    private final Clock clock;

    public ProjectMemoryRules(int maxContentChars, int maxMarkerChars, int defaultMarkers, Clock clock) {
        if (maxContentChars < 1 || maxMarkerChars < 8) {
            throw new IllegalArgumentException(
                    "memory.max-content-chars must be at least 1 and memory.markers.max-chars" + " at least 8, got "
                            + maxContentChars + " and " + maxMarkerChars);
        }
        if (defaultMarkers < 1 || defaultMarkers > MAX_MARKERS_LIMIT) {
            throw new IllegalArgumentException("memory.markers.default-limit must be between 1 and " + MAX_MARKERS_LIMIT
                    + ", got " + defaultMarkers);
        }
        this.maxContentChars = maxContentChars;
        this.maxMarkerChars = maxMarkerChars;
        this.defaultMarkers = defaultMarkers;
        this.clock = clock;
    }

    public int maxMarkerChars() {
        return maxMarkerChars;
    }

    public int defaultMarkers() {
        return defaultMarkers;
    }

    /**
     * A promotion. {@code requestIdRequired}: over NATS the caller names the request (so a retry is recognised); over
     * HTTP one is made up when it is absent.
     */
    public Optional<Problem> check(PromoteRequest request, boolean requestIdRequired) {
        return firstOf(
                requestId(request.requestId(), requestIdRequired),
                projectKey(request.project()),
                memoryType(request.memoryType(), true),
                content(request.content()),
                marker(request.marker()),
                houses(request.houses()),
                sourceConversation(request.sourceConversationId()),
                sourceSeqs(request.sourceSeqs()),
                relevance(request.relevanceScore()),
                expiresAt(request));
    }

    public Optional<Problem> check(ProjectMemoryListRequest request) {
        return firstOf(
                projectKey(request.project()),
                memoryType(request.memoryType(), false),
                house("house", request.house()),
                limit(request.limit(), MAX_LIST_LIMIT));
    }

    public Optional<Problem> check(ExpireRequest request) {
        if (request.id() < 1) {
            return bad("id is required: the id of the memory entry to expire (a positive number), got " + request.id());
        }
        return reason(request.reason());
    }

    public Optional<Problem> check(MarkersRequest request) {
        return firstOf(
                projectKey(request.project()),
                house("house", request.house()),
                limit(request.limit(), MAX_MARKERS_LIMIT));
    }

    /** An expiry's reason: optional, at most {@value #MAX_REASON_CHARS} characters. */
    public static Optional<Problem> reason(String reason) {
        return firstOf(atMost("reason", reason, MAX_REASON_CHARS, Problem.TOO_LARGE), noNul("reason", reason));
    }

    /** A project key: 1-200 letters, digits, '.', '_', '/' or '-', starting with a letter or digit ({@code org/repo}). */
    public static Optional<Problem> projectKey(String project) {
        if (project == null || project.isBlank()) {
            return bad("project is required: the project key, e.g. 'org/repo' or 'uni-wizard'");
        }
        if (project.length() > MAX_PROJECT_CHARS) {
            return bad("project is " + project.length() + " characters long, at most " + MAX_PROJECT_CHARS
                    + " are allowed");
        }
        if (!ProjectKeys.isValid(project)) {
            return bad("project '" + SearchRules.printable(project) + "' is not a project key: use letters, digits,"
                    + " '.', '_', '/' or '-', starting with a letter or digit (e.g. 'org/repo')");
        }
        return Optional.empty();
    }

    private static Optional<Problem> requestId(String requestId, boolean required) {
        if (requestId == null || requestId.isBlank()) {
            return required
                    ? bad("requestId is required: an id for this promotion, so that sending it again keeps one entry")
                    : Optional.empty();
        }
        return firstOf(
                atMost("requestId", requestId, MAX_REQUEST_ID_CHARS, Problem.BAD_REQUEST),
                noNul("requestId", requestId));
    }

    private static Optional<Problem> memoryType(String type, boolean required) {
        if (type == null && !required) {
            return Optional.empty();
        }
        if (type == null || !MemoryTypes.isKnown(type)) { // isKnown(null) throws (List.of refuses null)
            return bad("memoryType must be one of " + String.join(", ", MemoryTypes.ALL) + "; got "
                    + (type == null ? "nothing" : "'" + SearchRules.printable(type) + "'"));
        }
        return Optional.empty();
    }

    private Optional<Problem> content(String content) {
        if (content == null || content.isBlank()) {
            return bad("content is required: the knowledge to keep");
        }
        if (content.length() > maxContentChars) {
            return Optional.of(Problem.tooLarge("content is " + content.length() + " characters long, at most "
                    + maxContentChars + " are stored (memory.max-content-chars)"));
        }
        return noNul("content", content);
    }

    private Optional<Problem> marker(String marker) {
        if (marker == null) {
            return Optional.empty();
        }
        String line = MarkerText.collapse(marker);
        if (line.length() > maxMarkerChars) {
            return Optional.of(Problem.tooLarge("marker is " + line.length() + " characters long on one line, at most "
                    + maxMarkerChars + " are allowed (memory.markers.max-chars); shorten it, or leave it out to have"
                    + " it derived from the content"));
        }
        return noNul("marker", marker);
    }

    private static Optional<Problem> houses(List<String> houses) {
        if (houses.size() > MAX_HOUSES) {
            return bad("houses has " + houses.size() + " entries, at most " + MAX_HOUSES + " are allowed");
        }
        for (int i = 0; i < houses.size(); i++) {
            Optional<Problem> problem = house("houses[" + i + "]", houses.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> sourceConversation(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        if (conversationId.isBlank()) {
            return bad("sourceConversationId is blank: name the conversation the memory came from, or leave it out");
        }
        return firstOf(
                atMost(
                        "sourceConversationId",
                        conversationId,
                        RequestRules.MAX_CONVERSATION_ID_CHARS,
                        Problem.BAD_REQUEST),
                noNul("sourceConversationId", conversationId));
    }

    private static Optional<Problem> sourceSeqs(List<Long> seqs) {
        if (seqs.size() > MAX_SOURCE_SEQS) {
            return Optional.of(Problem.tooLarge(
                    "sourceSeqs has " + seqs.size() + " entries, at most " + MAX_SOURCE_SEQS + " are kept"));
        }
        for (int i = 0; i < seqs.size(); i++) {
            long seq = seqs.get(i);
            if (seq < 1) {
                return bad("sourceSeqs[" + i + "] must be a message's seq (a positive number), got " + seq);
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> relevance(Double score) {
        if (score != null && !(score >= 0 && score <= 1)) {
            return bad("relevanceScore must be between 0 and 1, got " + score);
        }
        return Optional.empty();
    }

    private Optional<Problem> expiresAt(PromoteRequest request) {
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            return bad("expiresAt (" + request.expiresAt() + ") must be in the future; leave it out for never");
        }
        return Optional.empty();
    }

    /** A house name: a subject token, as houses are named on the mesh. */
    public static Optional<Problem> house(String field, String house) {
        if (house != null && !Subjects.isToken(house)) {
            return bad(field + " '" + SearchRules.printable(house) + "' is not a house name: use 1-64 lower-case"
                    + " letters, digits, '_' or '-', starting with a letter or digit");
        }
        return Optional.empty();
    }

    private static Optional<Problem> limit(Integer limit, int max) {
        if (limit != null && (limit < 1 || limit > max)) {
            return bad("limit must be between 1 and " + max + ", got " + limit);
        }
        return Optional.empty();
    }

    private static Optional<Problem> bad(String message) {
        return Optional.of(Problem.badRequest(message));
    }
}

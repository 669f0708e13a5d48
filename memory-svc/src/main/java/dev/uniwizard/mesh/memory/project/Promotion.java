package dev.uniwizard.mesh.memory.project;

import dev.uniwizard.mesh.core.memory.PromoteRequest;
import java.time.Instant;
import java.util.List;

/** A checked promotion as it is stored: marker derived when absent, score defaulted, houses without repeats. */
public record Promotion(
        String requestId,
        String project,
        String memoryType,
        String content,
        String marker,
        List<String> houses,
        String promotedBy,
        String house,
        String sourceConversationId,
        List<Long> sourceSeqs,
        double relevanceScore,
        Instant expiresAt) {

    public static final double DEFAULT_RELEVANCE = 0.5;

    public Promotion {
        houses = List.copyOf(houses);
        sourceSeqs = List.copyOf(sourceSeqs);
    }

    /** {@code request} (checked, with a request id) promoted by {@code by}; markers are cut to {@code maxMarkerChars}. */
    public static Promotion of(PromoteRequest request, Requester by, int maxMarkerChars) {
        String marker = MarkerText.collapse(request.marker());
        return new Promotion(
                request.requestId(),
                request.project(),
                request.memoryType(),
                request.content(),
                marker.isEmpty() ? MarkerText.derive(request.content(), maxMarkerChars) : marker,
                request.houses().stream().distinct().toList(),
                by.id(),
                by.house(),
                request.sourceConversationId(),
                request.sourceSeqs(),
                request.relevanceScore() == null ? DEFAULT_RELEVANCE : request.relevanceScore(),
                request.expiresAt());
    }
}

package dev.uniwizard.mesh.core.memory;

import java.util.List;

/**
 * The answer to a search: hits, best first. {@code note} says why there are none when the query had no searchable
 * words (only stop words or punctuation); it is null otherwise.
 */
public record MemorySearchResult(String query, String scope, List<MemorySearchHit> hits, String note) {

    public MemorySearchResult {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }
}

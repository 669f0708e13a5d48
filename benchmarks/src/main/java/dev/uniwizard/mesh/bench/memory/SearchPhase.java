package dev.uniwizard.mesh.bench.memory;

import dev.uniwizard.mesh.core.memory.MemorySearchRequest;
import dev.uniwizard.mesh.core.memory.SearchScope;
import dev.uniwizard.mesh.memory.search.SearchStore;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;

/**
 * Times searches as memory-svc runs them ({@link SearchStore#search}: both text configurations, ranking, snippets of
 * the returned page) for frequent, middling and rare words and two-word queries, one at a time; and, as the baseline,
 * a substring scan ({@code ILIKE '%word%'}) for the same kind of words, which is what a store without a text index
 * would do.
 */
final class SearchPhase {

    private static final int PAGE = 20;

    private final Jdbi jdbi;
    private final BenchSettings settings;
    private final TextCorpus corpus;
    private final Random random;

    SearchPhase(Jdbi jdbi, BenchSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.corpus = new TextCorpus(settings.seed(), 20_000);
        this.random = new Random(settings.seed() + 1000);
    }

    Latencies fullText() {
        SearchStore store = new SearchStore(jdbi);
        Latencies latencies = new Latencies("search (full text, page of 20)");
        long t0 = System.nanoTime();
        for (int i = 0; i < settings.searches(); i++) {
            String query = query(i);
            long start = System.nanoTime();
            store.search(new MemorySearchRequest(query, SearchScope.MESSAGES, null, null, null, null, null, PAGE));
            latencies.record(System.nanoTime() - start);
        }
        latencies.wall(System.nanoTime() - t0);
        return latencies;
    }

    Latencies substringScans() {
        Latencies latencies = new Latencies("scan (ILIKE, baseline)");
        long t0 = System.nanoTime();
        for (int i = 0; i < settings.baselineScans(); i++) {
            String word = corpus.wordAtRank(rank(i));
            long start = System.nanoTime();
            jdbi.useHandle(handle -> handle.createQuery(
                            "SELECT seq FROM messages WHERE content ILIKE :pattern ORDER BY said_at DESC LIMIT " + PAGE)
                    .bind("pattern", "%" + word + "%")
                    .mapTo(Long.class)
                    .list());
            latencies.record(System.nanoTime() - start);
        }
        latencies.wall(System.nanoTime() - t0);
        return latencies;
    }

    /** A third frequent words, a third middling, a third rare; every fourth query has two words. */
    private String query(int i) {
        String first = corpus.wordAtRank(rank(i));
        return i % 4 == 3 ? first + " " + corpus.wordAtRank(rank(i + 1)) : first;
    }

    private int rank(int i) {
        return switch (i % 3) {
            case 0 -> 1 + random.nextInt(30);
            case 1 -> 200 + random.nextInt(800);
            default -> 5_000 + random.nextInt(corpus.vocabularySize() - 5_000);
        };
    }
}

package dev.uniwizard.mesh.bench.memory;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.MemoryAppendRequest;
import dev.uniwizard.mesh.memory.chain.ChainLinker;
import dev.uniwizard.mesh.memory.chain.ChainWriter;
import dev.uniwizard.mesh.memory.store.ConversationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;

/**
 * Appends messages exactly as memory-svc stores them ({@link ConversationStore#append}: idempotency check,
 * conversation bookkeeping, chain link, one transaction each) from several threads, and, as the baseline, the same
 * texts as plain single-row inserts into a copy of the messages table with the same indexes but no chain and no
 * bookkeeping.
 */
final class AppendPhase {

    private static final String[] ROLES = {"user", "assistant", "tool", "assistant"};
    private static final String[] HOUSES = {"timmy", "ezra", "bezalel"};

    private final Jdbi jdbi;
    private final BenchSettings settings;

    AppendPhase(Jdbi jdbi, BenchSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    Latencies appendThroughTheStore() throws InterruptedException {
        ChainLinker linker = new ChainLinker(jdbi, new ChainWriter(), Duration.ofSeconds(30));
        linker.start();
        try {
            return appendWith(new ConversationStore(jdbi, linker));
        } finally {
            linker.stop();
        }
    }

    private Latencies appendWith(ConversationStore store) throws InterruptedException {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        return runThreads("append (store, chained)", settings.messages(), (thread, corpus, i, latencies) -> {
            int conversation = i % settings.conversations();
            MemoryAppendRequest request = new MemoryAppendRequest(
                    "bench-" + conversation,
                    "env-" + i,
                    ROLES[i % ROLES.length],
                    HOUSES[conversation % HOUSES.length],
                    new Sender("bench", "user-" + conversation, null),
                    corpus.message(),
                    start.plusSeconds(i));
            long t0 = System.nanoTime();
            store.append(request);
            latencies.record(System.nanoTime() - t0);
        });
    }

    Latencies plainInserts() throws InterruptedException {
        jdbi.useHandle(handle -> handle.execute("CREATE TABLE bench_plain_messages (LIKE messages INCLUDING DEFAULTS"
                + " INCLUDING GENERATED INCLUDING INDEXES)"));
        return runThreads(
                "insert (plain row, baseline)", settings.baselineInserts(), (thread, corpus, i, latencies) -> {
                    String text = corpus.message();
                    long t0 = System.nanoTime();
                    jdbi.useHandle(handle -> handle.createUpdate("""
                            INSERT INTO bench_plain_messages (seq, envelope_id, conversation_id, role, content, said_at)
                            VALUES (:seq, :envelopeId, :conversationId, 'user', :content, now())
                            """)
                            .bind("seq", (long) i)
                            .bind("envelopeId", "plain-" + i)
                            .bind("conversationId", "bench-" + (i % settings.conversations()))
                            .bind("content", text)
                            .execute());
                    latencies.record(System.nanoTime() - t0);
                });
    }

    private Latencies runThreads(String phase, int total, Step step) throws InterruptedException {
        int threads = settings.threads();
        List<Latencies> perThread = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Latencies latencies = new Latencies(phase);
                perThread.add(latencies);
                TextCorpus corpus = new TextCorpus(settings.seed() + thread, 20_000);
                running.add(pool.submit(() -> {
                    for (int i = thread; i < total; i += threads) {
                        step.run(thread, corpus, i, latencies);
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException(phase + " failed: " + e.getCause(), e.getCause());
        }
        Latencies all = new Latencies(phase);
        perThread.forEach(all::add);
        all.wall(System.nanoTime() - t0);
        return all;
    }

    @FunctionalInterface
    private interface Step {
        void run(int thread, TextCorpus corpus, int index, Latencies latencies);
    }
}

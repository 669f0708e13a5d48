package dev.uniwizard.mesh.memory.chain;

import dev.uniwizard.mesh.memory.config.MemoryConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Links stored messages into the chain in groups. An append commits its message unlinked and waits (up to
 * {@code memory.chain.link-wait}) until a linking pass has linked it; one pass links every message waiting, in one
 * transaction holding the chain head, so appends of many requests share one commit of the chain instead of queueing
 * one by one behind the head lock. Every replica runs a linker; the head lock orders them. A pass links every unlinked
 * message, so one left by a node that died between storing and linking is linked by the next append on any node (or
 * by the backfill at start).
 */
@Startup(50)
@Singleton
public class ChainLinker {

    private static final Logger LOG = Logger.getLogger(ChainLinker.class);
    private static final int MAX_BATCH = 1000;

    private final Jdbi jdbi;
    private final ChainWriter writer;
    private final Duration linkWait;
    private final Map<Long, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private Thread worker;

    @Inject
    public ChainLinker(Jdbi jdbi, ChainWriter writer, MemoryConfig config) {
        this(jdbi, writer, config.chain().linkWait());
    }

    /** A linker outside the container (benchmarks); {@link #start()} it. */
    public ChainLinker(Jdbi jdbi, ChainWriter writer, Duration linkWait) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.linkWait = linkWait;
    }

    @PostConstruct
    public void start() {
        worker = Thread.ofPlatform().daemon().name("chain-linker").start(this::loop);
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        running = false;
        wake.release();
        worker.join(Duration.ofSeconds(5));
    }

    /**
     * Waits until the message {@code seq} (committed) is linked. Returns false if it was not linked within
     * {@code memory.chain.link-wait}; it stays stored and a later pass links it.
     */
    public boolean awaitLinked(long seq) {
        CompletableFuture<Void> linked = waiting.computeIfAbsent(seq, key -> new CompletableFuture<>());
        wake.release();
        try {
            linked.get(linkWait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.warnf(
                    "message %d was not linked into the chain within %s; it is stored and will be linked",
                    seq, linkWait);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            waiting.remove(seq, linked);
        }
    }

    /** Links every message not linked yet, in passes of up to 1000; returns how many it linked. */
    public int linkPending() {
        int total = 0;
        int linked;
        do {
            linked = jdbi.inTransaction(handle -> writer.linkUnlinked(handle, ChainSource.MESSAGES, 0, MAX_BATCH)
                    .size());
            total += linked;
        } while (linked == MAX_BATCH);
        return total;
    }

    private void loop() {
        while (running) {
            try {
                wake.acquire();
                wake.drainPermits();
                if (!running) {
                    return;
                }
                linkPending();
                releaseLinked();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "linking messages into the chain failed; the next append retries");
            }
        }
    }

    /** Completes the waits of messages that are linked now, by this node or another. */
    private void releaseLinked() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Long> keys = new ArrayList<>(waiting.keySet());
        List<Long> linked = jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT seq FROM messages WHERE seq = ANY(:keys) AND chain_seq IS NOT NULL")
                .bindArray("keys", Long.class, keys)
                .mapTo(Long.class)
                .list());
        for (Long seq : linked) {
            CompletableFuture<Void> wait = waiting.get(seq);
            if (wait != null) {
                wait.complete(null);
            }
        }
    }
}

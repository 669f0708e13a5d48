package dev.uniwizard.mesh.memory.chain;

import dev.uniwizard.mesh.memory.config.MemoryConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes links of the rows stored before the chain existed (those whose {@code chain_seq} is NULL): at start, before
 * requests are answered ({@code MemoryRequestListener} starts at 100), every chained table in turn, in key order, in
 * transactions of {@code memory.chain.backfill-batch} rows. Idempotent, and safe when several replicas start at once:
 * each batch looks for unlinked rows only once it holds the chain head.
 */
@Startup(50)
@Singleton
public class ChainBackfill {

    private static final Logger LOG = Logger.getLogger(ChainBackfill.class);

    private final Jdbi jdbi;
    private final ChainWriter chain;
    private final int batch;

    public ChainBackfill(Jdbi jdbi, ChainWriter chain, MemoryConfig config) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.batch = config.chain().backfillBatch();
        if (batch < 1) {
            throw new IllegalArgumentException("memory.chain.backfill-batch must be at least 1, got "
                    + config.chain().backfillBatch());
        }
    }

    @PostConstruct
    void atStart() {
        long linked;
        try {
            linked = run();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "could not link the rows stored before the chain existed: " + e.getMessage(), e);
        }
        if (linked > 0) {
            LOG.infof("linked %d rows stored before the chain existed", linked);
        }
    }

    /** Links every row not in the chain yet; returns how many it linked (0 when there was none). */
    public long run() {
        long linked = 0;
        for (ChainSource source : ChainSource.values()) {
            linked += run(source);
        }
        return linked;
    }

    private long run(ChainSource source) {
        long linked = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Long> keys = jdbi.inTransaction(handle -> chain.linkUnlinked(handle, source, from, batch));
            if (keys.isEmpty()) {
                return linked;
            }
            linked += keys.size();
            after = keys.getLast();
        }
    }
}

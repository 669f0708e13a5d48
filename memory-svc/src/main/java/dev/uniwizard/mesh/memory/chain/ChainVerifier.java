package dev.uniwizard.mesh.memory.chain;

import dev.uniwizard.mesh.core.memory.ChainBreak;
import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.core.memory.CheckpointReport;
import dev.uniwizard.mesh.core.trust.TrustStore;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Verifies the chain: walks every link from position 1 to the head, recomputing each row's hash, checks that no
 * chained row is outside the chain, and checks every signed checkpoint. The walk reads one snapshot (a read-only
 * REPEATABLE READ transaction) through streaming cursors, so appends may go on meanwhile and memory stays bounded.
 * Failures of the store surface as Jdbi's runtime exceptions.
 */
@Singleton
public class ChainVerifier {

    static final int FETCH_SIZE = 1000;

    private final Jdbi jdbi;
    private final ChainWriter chain;
    private final TrustStore trustStore;
    private final Clock clock;
    private final Duration linkGrace;

    public ChainVerifier(Jdbi jdbi, ChainWriter chain, TrustStore trustStore, Clock clock, MemoryConfig config) {
        this.jdbi = jdbi;
        this.chain = chain;
        this.trustStore = trustStore;
        this.clock = clock;
        this.linkGrace = config.chain().linkGrace();
    }

    /** Walks the chain; the report names the first break, if any, and what the checkpoints say. */
    public ChainReport verify() {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            ChainWriter.ChainLinkHead head = chain.head(handle);
            try (LinkMerge links = LinkMerge.open(handle, FETCH_SIZE);
                    CheckpointCheck checkpoints = CheckpointCheck.open(handle, trustStore, FETCH_SIZE)) {
                ChainWalk walk = new ChainWalk(head, checkpoints);
                ChainBreak firstBreak = walk.walk(links);
                if (firstBreak == null) {
                    firstBreak = unchainedRow(handle, linkGrace);
                }
                CheckpointReport checkpointReport = checkpoints.finish(head.seq());
                return new ChainReport(
                        firstBreak == null && checkpointReport.problem() == null,
                        walk.checkedLinks(),
                        walk.prunedLinks(),
                        head.seq(),
                        ChainHash.hex(head.hash()),
                        firstBreak,
                        checkpointReport,
                        clock.instant());
            }
        });
    }

    /**
     * The first row of a chained table that has no position in the chain, null if there is none. Messages are linked
     * just after they are stored (see {@link ChainLinker}), so only those stored more than {@code grace} before the
     * walk began count (the database's clock decides).
     */
    private static ChainBreak unchainedRow(Handle handle, Duration grace) {
        for (ChainSource source : ChainSource.values()) {
            boolean linkedLater = source == ChainSource.MESSAGES;
            Query query = handle.createQuery("SELECT min(" + source.keyColumn() + ") AS first, count(*) AS rows"
                    + " FROM " + source.table() + " WHERE chain_seq IS NULL"
                    + (linkedLater ? " AND stored_at < now() - make_interval(secs => :grace)" : ""));
            if (linkedLater) {
                query.bind("grace", grace.toMillis() / 1000.0);
            }
            Unchained unchained = query.map((rs, ctx) -> new Unchained(rs.getLong("first"), rs.getLong("rows")))
                    .one();
            if (unchained.rows() > 0) {
                String more = unchained.rows() == 1
                        ? ""
                        : "; " + (unchained.rows() - 1) + " more rows of " + source.table() + " are not either";
                return new ChainBreak(
                        0,
                        source.table(),
                        Long.toString(unchained.first()),
                        "the row is not in the chain: it was stored without being linked, or its chain_seq was"
                                + " cleared" + more,
                        null,
                        null);
            }
        }
        return null;
    }

    private record Unchained(long first, long rows) {}
}

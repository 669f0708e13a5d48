package dev.uniwizard.mesh.memory.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** A chain of 100,000 links is linked by the backfill and verified in seconds. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "memory-test"),
            @ResourceArg(name = "role", value = "service"),
            @ResourceArg(name = "database", value = "true")
        },
        scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ChainScaleTest {

    private static final Logger LOG = Logger.getLogger(ChainScaleTest.class);
    private static final int LINKS = 100_000;

    @Inject
    ChainBackfill backfill;

    @Inject
    ChainVerifier verifier;

    @Inject
    Jdbi jdbi;

    @Test
    void aHundredThousandLinksAreVerifiedInSeconds() {
        jdbi.useHandle(handle -> {
            handle.execute("INSERT INTO conversations (id) VALUES ('scale')");
            handle.execute("""
                    INSERT INTO messages (envelope_id, conversation_id, role, house, content, said_at, stored_at)
                    SELECT 'scale-' || i, 'scale', 'user', 'ezra',
                           'message number ' || i || ' of a long conversation about nothing in particular',
                           now() - interval '1 day', now() - interval '1 day'
                      FROM generate_series(1, ?) i
                    """, LINKS);
        });

        long backfillStart = System.nanoTime();
        long linked = backfill.run();
        Duration backfillTook = Duration.ofNanos(System.nanoTime() - backfillStart);
        long verifyStart = System.nanoTime();
        ChainReport report = verifier.verify();
        Duration verifyTook = Duration.ofNanos(System.nanoTime() - verifyStart);
        LOG.infof(
                "backfill of %d rows took %s, verify of %d links took %s",
                linked, backfillTook, report.headSeq(), verifyTook);

        assertThat(linked).isEqualTo(LINKS);
        assertThat(report.intact()).isTrue();
        assertThat(report.checkedLinks()).isEqualTo(LINKS);
        assertThat(verifyTook).isLessThan(Duration.ofSeconds(20));
    }
}

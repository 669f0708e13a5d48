package dev.uniwizard.mesh.observatory.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.observatory.snapshots.ObservatoryDatabase;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes competing for one lease in a real PostgreSQL database. */
class LeaseTest {

    private static final Duration TTL = Duration.ofMillis(800);

    private static ObservatoryDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = ObservatoryDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void exactlyOneOfTwoNodesLeadsAndTheOtherTakesOverAfterTheLeaderStopsRenewing() {
        Lease first = new Lease(database.jdbi(), "takeover", "observatory-1", TTL);
        Lease second = new Lease(database.jdbi(), "takeover", "observatory-2", TTL);

        assertThat(first.renew()).isTrue();
        assertThat(second.renew()).isFalse();
        assertThat(first.renew()).as("the holder renews").isTrue();
        assertThat(second.renew()).isFalse();
        assertThat(second.currentHolder()).contains("observatory-1");

        // observatory-1 stops renewing: once the ttl has passed, observatory-2 takes the lease.
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100))
                .until(second::renew);
        assertThat(first.renew()).as("the old leader lost it").isFalse();
        assertThat(second.currentHolder()).contains("observatory-2");
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        Lease first = new Lease(database.jdbi(), "release", "observatory-1", Duration.ofMinutes(5));
        Lease second = new Lease(database.jdbi(), "release", "observatory-2", Duration.ofMinutes(5));
        assertThat(first.renew()).isTrue();
        assertThat(second.renew()).isFalse();

        second.release(); // not the holder: changes nothing
        assertThat(second.renew()).isFalse();
        first.release();

        assertThat(second.renew()).isTrue();
        assertThat(first.renew()).isFalse();
    }

    @Test
    void leasesOfDifferentNamesAreIndependent() {
        assertThat(new Lease(database.jdbi(), "a", "observatory-1", TTL).renew())
                .isTrue();
        assertThat(new Lease(database.jdbi(), "b", "observatory-2", TTL).renew())
                .isTrue();
    }

    @Test
    void anUnreachableDatabaseIsAnExceptionNotALostLease() {
        Jdbi nowhere = Jdbi.create("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "postgres", "");
        Lease lease = new Lease(nowhere, "observatory", "observatory-1", TTL);

        assertThatThrownBy(lease::renew).isInstanceOf(JdbiException.class);
    }

    @Test
    void refusesALeaseWithoutNameHolderOrTtl() {
        assertThatThrownBy(() -> new Lease(database.jdbi(), " ", "n", TTL))
                .hasMessageContaining("observatory.leader.lease");
        assertThatThrownBy(() -> new Lease(database.jdbi(), "l", "", TTL)).hasMessageContaining("mesh.node-id");
        assertThatThrownBy(() -> new Lease(database.jdbi(), "l", "n", Duration.ZERO))
                .hasMessageContaining("observatory.leader.ttl must be positive");
    }
}

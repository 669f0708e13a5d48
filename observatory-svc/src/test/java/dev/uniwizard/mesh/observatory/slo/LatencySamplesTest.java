package dev.uniwizard.mesh.observatory.slo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.observatory.snapshots.ObservatoryDatabase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The window of latency samples in a real PostgreSQL database, and where the first sample's counts belong. */
class LatencySamplesTest {

    private static final Instant FROM = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant TO = FROM.plusSeconds(3600);
    private static ObservatoryDatabase database;
    private static LatencySamples samples;

    @BeforeAll
    static void createDatabase() {
        database = ObservatoryDatabase.create();
        samples = new LatencySamples(database.jdbi());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTable() {
        database.jdbi().useHandle(handle -> handle.execute("TRUNCATE slo_latency_samples"));
    }

    @Test
    void countsWhatTheFirstSampleHoldsWhenTheProcessStartedInsideTheWindow() {
        Instant started = FROM.plusSeconds(60);
        samples.add("request", sample(FROM.plusSeconds(120), 2, 3), started);
        samples.add("request", sample(FROM.plusSeconds(180), 4, 5), started);

        assertThat(Histograms.increase(samples.windowFromProcessStart("request", FROM, TO))
                        .total())
                .as("the 3 requests before the first scrape and the 2 after it")
                .isEqualTo(5.0);
    }

    @Test
    void countsOnlyTheIncreaseWhenTheProcessStartedBeforeTheWindow() {
        Instant started = FROM.minusSeconds(3600);
        samples.add("request", sample(FROM.plusSeconds(120), 2, 3), started);
        samples.add("request", sample(FROM.plusSeconds(180), 4, 5), started);

        assertThat(Histograms.increase(samples.windowFromProcessStart("request", FROM, TO))
                        .total())
                .isEqualTo(2.0);
    }

    @Test
    void countsOnlyTheIncreaseWhenTheProcessDidNotSayWhenItStarted() {
        samples.add("request", sample(FROM.plusSeconds(120), 2, 3));
        samples.add("request", sample(FROM.plusSeconds(180), 4, 5));

        assertThat(Histograms.increase(samples.windowFromProcessStart("request", FROM, TO))
                        .total())
                .isEqualTo(2.0);
        assertThat(samples.windowFromProcessStart("other", FROM, TO)).isEmpty();
    }

    private static HistogramSample sample(Instant at, double fast, double total) {
        return Histograms.of(at, Map.of(0.1, fast, Double.POSITIVE_INFINITY, total));
    }
}

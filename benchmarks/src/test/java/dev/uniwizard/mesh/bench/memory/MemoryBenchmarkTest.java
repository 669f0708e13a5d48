package dev.uniwizard.mesh.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark still runs end to end against the local PostgreSQL (with a small load) and reports every phase. */
class MemoryBenchmarkTest {

    @Test
    void aSmallRunReportsEveryPhaseAndItsRatios() throws Exception {
        BenchSettings settings = BenchSettings.parse(
                "--messages",
                "600",
                "--conversations",
                "20",
                "--threads",
                "3",
                "--baseline-inserts",
                "100",
                "--searches",
                "30",
                "--baseline-scans",
                "5");

        MemoryBenchReport report = MemoryBenchmark.run(settings);

        assertThat(report.appended().count()).isEqualTo(600);
        assertThat(report.plainInserts().count()).isEqualTo(100);
        assertThat(report.fullText().count()).isEqualTo(30);
        assertThat(report.scans().count()).isEqualTo(5);
        assertThat(report.verify().count()).isEqualTo(1);
        assertThat(report.render())
                .contains("append throughput, chained store / plain insert: ")
                .contains("search p50, ILIKE scan / full text: ")
                .doesNotContain("n/a");
    }

    @Test
    void refusesUnknownOrBadArguments() {
        assertThatThrownBy(() -> BenchSettings.parse("--message", "5"))
                .hasMessageContaining("unknown argument --message");
        assertThatThrownBy(() -> BenchSettings.parse("--threads", "0"))
                .hasMessageContaining("--threads must be at least 1");
        assertThatThrownBy(() -> BenchSettings.parse("--searches")).hasMessageContaining("has no value");
    }
}

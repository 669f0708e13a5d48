package dev.uniwizard.mesh.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.payload.HostStats;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStatsReaderTest {

    @TempDir
    Path directory;

    @Test
    void readsThisHostInSaneRanges() {
        HostStats stats = new HostStatsReader(directory).read();

        assertThat(stats.hostname()).isNotBlank();
        if (stats.cpuLoad() != null) { // the first reading of a fresh JVM may not be known yet
            assertThat(stats.cpuLoad()).isBetween(0.0, 1.0);
        }
        assertThat(stats.memoryTotalBytes()).isGreaterThan(64L * 1024 * 1024);
        assertThat(stats.memoryUsedRatio()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        assertThat(stats.diskTotalBytes()).isGreaterThan(0L);
        assertThat(stats.diskUsedRatio()).isBetween(0.0, 1.0);
        assertThat(stats.heapUsedRatio()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aDirectoryThatDoesNotExistLeavesOnlyTheDiskUnknown() {
        HostStats stats = new HostStatsReader(directory.resolve("gone/away")).read();

        assertThat(stats.diskUsedRatio()).isNull();
        assertThat(stats.diskTotalBytes()).isNull();
        assertThat(stats.memoryTotalBytes()).isPositive();
        assertThat(stats.heapUsedRatio()).isNotNull();
    }

    @Test
    void memAvailableCountsWhenTheJvmSeesTheWholeMachine() {
        List<String> meminfo =
                List.of("MemTotal:        8000000 kB", "MemFree:          500000 kB", "MemAvailable:    6000000 kB");

        assertThat(HostStatsReader.available(meminfo, 8_000_000L * 1024)).hasValue(6_000_000L * 1024);
    }

    @Test
    void memAvailableIsIgnoredUnderAContainerLimitOrWhenMissingOrUnreadable() {
        List<String> meminfo = List.of("MemTotal:        8000000 kB", "MemAvailable:    6000000 kB");

        assertThat(HostStatsReader.available(meminfo, 2L * 1024 * 1024 * 1024)).isEmpty();
        assertThat(HostStatsReader.available(List.of("MemTotal: 8000000 kB"), 8_000_000L * 1024))
                .isEmpty();
        assertThat(HostStatsReader.available(List.of("MemTotal: lots", "MemAvailable: 1 kB"), 1024))
                .isEqualTo(OptionalLong.empty());
        assertThat(HostStatsReader.available(List.of(), 1024)).isEmpty();
    }
}

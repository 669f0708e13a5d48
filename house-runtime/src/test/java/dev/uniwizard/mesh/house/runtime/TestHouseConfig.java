package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import java.time.Duration;

/** A house configuration for plain unit tests. */
record TestHouseConfig(
        String name, String title, HouseMode mode, int concurrency, Duration taskAckWait, int historyLimit)
        implements HouseConfig {

    static TestHouseConfig of(HouseMode mode) {
        return new TestHouseConfig("ezra", "Ezra, the archivist", mode, 4, Duration.ofMinutes(2), 20);
    }
}

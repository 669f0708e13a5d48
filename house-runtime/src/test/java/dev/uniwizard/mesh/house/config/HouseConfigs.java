package dev.uniwizard.mesh.house.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real {@link HouseConfig} for plain unit tests, built by SmallRye Config from properties exactly as an app reads
 * {@code application.properties}, defaults included. Shipped in the test-jar for the houses' tests.
 */
public final class HouseConfigs {

    private HouseConfigs() {}

    /** Ezra in the given mode, everything else default. */
    public static HouseConfig of(HouseMode mode) {
        return of(Map.of("house.mode", mode.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** House {@code ezra} with the given {@code house.*} properties on top of the defaults. */
    public static HouseConfig of(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>();
        all.put("house.name", "ezra");
        all.put("house.title", "Ezra, the archivist");
        all.putAll(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(HouseConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, Path::of)
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
        return config.getConfigMapping(HouseConfig.class);
    }
}

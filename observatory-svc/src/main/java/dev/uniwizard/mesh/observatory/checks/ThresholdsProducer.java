package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.observatory.config.ChecksConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The validated thresholds of {@code observatory.checks.*}. */
public class ThresholdsProducer {

    @Produces
    @Singleton
    Thresholds thresholds(ChecksConfig config) {
        Thresholds.validateTiming(config.interval(), config.timeout());
        return Thresholds.of(config);
    }
}

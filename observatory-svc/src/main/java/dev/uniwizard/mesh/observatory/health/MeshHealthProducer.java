package dev.uniwizard.mesh.observatory.health;

import dev.uniwizard.mesh.observatory.config.ObservatoryConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The judge built from {@code observatory.*}. */
public class MeshHealthProducer {

    @Produces
    @Singleton
    MeshHealth meshHealth(ObservatoryConfig config) {
        return new MeshHealth(config.expectedServices(), config.staleAfterIntervals());
    }
}

package dev.uniwizard.mesh.router.routing;

import dev.uniwizard.mesh.router.config.RouterConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The selector and the houses' titles, built from {@code router.*}. */
public class HouseSelectorProducer {

    @Produces
    @Singleton
    HouseSelector selector(RouterConfig config) {
        return new HouseSelector(config.houses(), config.defaultHouse());
    }

    @Produces
    @Singleton
    HouseTitles titles(RouterConfig config) {
        return new HouseTitles(config.houseTitles());
    }
}

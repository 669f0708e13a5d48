package dev.uniwizard.mesh.router.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** Routing settings, under {@code router.*}. */
@ConfigMapping(prefix = "router")
public interface RouterConfig {

    /** The houses that exist; nothing is routed anywhere else. */
    List<String> houses();

    /** Where a message goes when it names no house. */
    String defaultHouse();
}

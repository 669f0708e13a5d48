package dev.uniwizard.mesh.memory.validation;

import dev.uniwizard.mesh.memory.config.MemoryConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rules built from {@code memory.*}. */
public class RequestRulesProducer {

    @Produces
    @Singleton
    RequestRules rules(MemoryConfig config) {
        return new RequestRules(config.maxContentChars());
    }
}

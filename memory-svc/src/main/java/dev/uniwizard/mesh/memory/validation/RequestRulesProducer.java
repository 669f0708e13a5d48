package dev.uniwizard.mesh.memory.validation;

import dev.uniwizard.mesh.memory.config.MemoryConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The rules built from {@code memory.*}. */
public class RequestRulesProducer {

    @Produces
    @Singleton
    RequestRules rules(MemoryConfig config) {
        return new RequestRules(config.maxContentChars());
    }

    @Produces
    @Singleton
    SearchRules searchRules(MemoryConfig config) {
        MemoryConfig.Search search = config.search();
        return new SearchRules(search.maxQueryChars(), search.defaultLimit(), search.maxLimit());
    }

    @Produces
    @Singleton
    ProjectMemoryRules projectMemoryRules(MemoryConfig config, Clock clock) {
        return new ProjectMemoryRules(
                config.maxContentChars(),
                config.markers().maxChars(),
                config.markers().defaultLimit(),
                clock);
    }
}

package dev.uniwizard.mesh.house.tools.memory;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.engine.TurnContext;
import dev.uniwizard.mesh.service.memory.MemoryClient;
import dev.uniwizard.mesh.service.messaging.RequestFailedException;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Asks memory-svc for the markers of {@code house.memory.project} meant for this house, at most
 * {@code house.memory.markers} of them, with the task as the request's cause. Memory failing or not answering costs the
 * turn its markers, not its answer: that is logged once and the turn goes on.
 */
@Singleton
public class ProjectMarkers implements MarkerSource {

    private static final Logger LOG = Logger.getLogger(ProjectMarkers.class);

    private final MemoryClient memory;
    private final String house;
    private final String project;
    private final int limit;

    public ProjectMarkers(HouseConfig config, MemoryClient memory) {
        this.memory = memory;
        this.house = config.name();
        this.project = config.memory().project();
        this.limit = config.memory().markers();
    }

    @Override
    public List<String> lines(TurnContext turn) {
        if (limit == 0) {
            return List.of();
        }
        try {
            return memory.markers(turn.task(), project, house, limit).lines();
        } catch (RequestFailedException | RuntimeException e) {
            LOG.warnf(
                    "house %s: task %s goes on without the memory markers of project %s: %s",
                    house, turn.task().id(), project, e.getMessage());
            return List.of();
        }
    }
}

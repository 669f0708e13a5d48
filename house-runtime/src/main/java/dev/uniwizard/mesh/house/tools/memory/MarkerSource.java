package dev.uniwizard.mesh.house.tools.memory;

import dev.uniwizard.mesh.house.engine.TurnContext;
import java.util.List;

/** Where a model turn gets the project memory markers of its system prompt ({@link ProjectMarkers} asks memory). */
@FunctionalInterface
public interface MarkerSource {

    /**
     * The marker lines for this turn's prompt, as memory worded them; empty when markers are switched off or memory
     * could not answer (the turn goes on without them). Never throws.
     */
    List<String> lines(TurnContext turn);
}

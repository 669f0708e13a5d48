package dev.uniwizard.mesh.observatory.stats;

import java.time.Instant;
import java.util.Map;

/**
 * What the store says about one house over a period: the parts of
 * {@link dev.uniwizard.mesh.core.observatory.AgentStats} computed in SQL.
 */
record HouseNumbers(
        long turns,
        Double toolCallsPerTurn,
        Double turnP50Millis,
        Double turnP95Millis,
        Map<String, Long> outcomes,
        Map<String, Long> received,
        Map<String, Long> sent,
        Map<String, Long> tools,
        Map<String, Long> toolOutcomes,
        Instant lastTurnAt) {}

package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One house's activity since a time, answered by {@code GET /api/v1/stats?house=&since=} (from the houses' turn and
 * tool-call events).
 *
 * @param house the house
 * @param since start of the period
 * @param until end of the period (now)
 * @param turns turns ended in the period
 * @param turnsPerMinute {@code turns} over the period's minutes
 * @param toolCallsPerTurn mean tool calls per turn, null without turns
 * @param turnP50Millis median turn duration, null without turns
 * @param turnP95Millis 95th percentile turn duration, null without turns
 * @param outcomes turns per outcome: {@code ok}, {@code retried}, {@code failed} (all three present)
 * @param inboxDepth tasks waiting or in progress on the house's consumer now, null when it could not be read
 * @param received tasks received per sender class ({@code operator}, {@code house}, {@code scheduler}, {@code service})
 * @param sent messages sent per recipient class ({@code operator}, {@code house}, {@code scheduler})
 * @param tools tool calls per tool name
 * @param toolOutcomes tool calls per outcome ({@code ok}, {@code failed}, {@code denied}...)
 * @param lastTurnAt when its last turn ended (at any time, not only in the period), null if never
 * @param secondsSinceLastTurn seconds since then, null if never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentStats(
        String house,
        Instant since,
        Instant until,
        long turns,
        double turnsPerMinute,
        Double toolCallsPerTurn,
        Double turnP50Millis,
        Double turnP95Millis,
        Map<String, Long> outcomes,
        Long inboxDepth,
        Map<String, Long> received,
        Map<String, Long> sent,
        Map<String, Long> tools,
        Map<String, Long> toolOutcomes,
        Instant lastTurnAt,
        Double secondsSinceLastTurn) {}

package dev.uniwizard.mesh.observatory.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes turn and tool-call events to {@code turn_events} and {@code tool_call_events}, keyed by the envelope id: a
 * redelivered event is stored once. Each insert also records the house in {@code stats_houses} (first and last event,
 * last turn), in the same transaction.
 */
@Singleton
public class StatsEventStore {

    private final Jdbi jdbi;

    public StatsEventStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the turn; false when an event with this envelope id was stored before. */
    public boolean insertTurn(ReceivedEvent<TurnEvent> received) {
        TurnEvent turn = received.event();
        return jdbi.inTransaction(handle -> {
            int inserted = handle.createUpdate("""
                            INSERT INTO turn_events (envelope_id, node_id, house, task_id, correlation_id,
                                                     conversation_id, mode, outcome, attempt, duration_ms, tool_calls,
                                                     received_from, sent, error_code, at, received_at)
                            VALUES (:envelopeId::uuid, :nodeId, :house, :taskId, :correlationId, :conversationId, :mode,
                                    :outcome, :attempt, :durationMs, :toolCalls, :receivedFrom, :sent::jsonb,
                                    :errorCode, :at, :receivedAt)
                            ON CONFLICT (envelope_id) DO NOTHING
                            """)
                    .bind("envelopeId", received.envelopeId())
                    .bind("nodeId", received.nodeId())
                    .bind("house", turn.house())
                    .bind("taskId", turn.taskId())
                    .bind("correlationId", turn.correlationId())
                    .bind("conversationId", turn.conversationId())
                    .bind("mode", turn.mode())
                    .bind("outcome", turn.outcome())
                    .bind("attempt", turn.attempt())
                    .bind("durationMs", turn.durationMillis())
                    .bind("toolCalls", turn.toolCalls())
                    .bind("receivedFrom", turn.receivedFrom())
                    .bind("sent", json(turn))
                    .bind("errorCode", turn.errorCode())
                    .bindByType("at", utc(turn.at()), OffsetDateTime.class)
                    .bindByType("receivedAt", utc(received.receivedAt()), OffsetDateTime.class)
                    .execute();
            if (inserted == 1) {
                seen(handle, turn.house(), turn.at(), turn.at());
            }
            return inserted == 1;
        });
    }

    /** Stores the tool call; false when an event with this envelope id was stored before. */
    public boolean insertToolCall(ReceivedEvent<ToolCallEvent> received) {
        ToolCallEvent call = received.event();
        return jdbi.inTransaction(handle -> {
            int inserted = handle.createUpdate("""
                            INSERT INTO tool_call_events (envelope_id, node_id, house, tool, arguments_digest, outcome,
                                                          attempts, latency_ms, mode, conversation_id, correlation_id,
                                                          at, received_at)
                            VALUES (:envelopeId::uuid, :nodeId, :house, :tool, :argumentsDigest, :outcome, :attempts,
                                    :latencyMs, :mode, :conversationId, :correlationId, :at, :receivedAt)
                            ON CONFLICT (envelope_id) DO NOTHING
                            """)
                    .bind("envelopeId", received.envelopeId())
                    .bind("nodeId", received.nodeId())
                    .bind("house", call.house())
                    .bind("tool", call.tool())
                    .bind("argumentsDigest", call.argumentsDigest())
                    .bind("outcome", call.outcome())
                    .bind("attempts", call.attempts())
                    .bind("latencyMs", call.latencyMillis())
                    .bind("mode", call.mode())
                    .bind("conversationId", call.conversationId())
                    .bind("correlationId", call.correlationId())
                    .bindByType("at", utc(call.at()), OffsetDateTime.class)
                    .bindByType("receivedAt", utc(received.receivedAt()), OffsetDateTime.class)
                    .execute();
            if (inserted == 1) {
                seen(handle, call.house(), call.at(), null);
            }
            return inserted == 1;
        });
    }

    private static void seen(Handle handle, String house, Instant eventAt, Instant turnAt) {
        handle.createUpdate("""
                        INSERT INTO stats_houses (house, first_seen_at, last_event_at, last_turn_at)
                        VALUES (:house, :at, :at, :turnAt)
                        ON CONFLICT (house) DO UPDATE
                           SET first_seen_at = least(stats_houses.first_seen_at, excluded.first_seen_at),
                               last_event_at = greatest(stats_houses.last_event_at, excluded.last_event_at),
                               last_turn_at  = greatest(stats_houses.last_turn_at, excluded.last_turn_at)
                        """)
                .bind("house", house)
                .bindByType("at", utc(eventAt), OffsetDateTime.class)
                .bindByType("turnAt", turnAt == null ? null : utc(turnAt), OffsetDateTime.class)
                .execute();
    }

    private static String json(TurnEvent turn) {
        try {
            return EnvelopeCodec.mapper().writeValueAsString(new TreeMap<>(turn.sent()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sent counts of turn " + turn.taskId() + " cannot be written", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package dev.uniwizard.mesh.observatory.stats;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import dev.uniwizard.mesh.core.envelope.EnvelopeFormatException;
import dev.uniwizard.mesh.core.payload.ToolCallEvent;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Reads the payload of a verified turn or tool-call envelope and checks it before it is stored: the fields the stats
 * need are present and in range, and the signing node speaks for the house the event is about ({@code ezra} or
 * {@code ezra-<instance>} for house {@code ezra}), so one house cannot write another's stats.
 */
final class StatsEventReader {

    private static final Set<String> OUTCOMES = Set.of(TurnEvent.OK, TurnEvent.RETRIED, TurnEvent.FAILED);
    private static final int MAX_TEXT = 200;

    private StatsEventReader() {}

    static ReceivedEvent<TurnEvent> turn(Envelope envelope, Instant receivedAt) throws InvalidStatsEvent {
        TurnEvent turn = read(envelope, TurnEvent.class);
        String what = "turn event " + envelope.id();
        house(what, turn.house(), envelope);
        if (!OUTCOMES.contains(turn.outcome())) {
            throw bad(what, "outcome must be ok, retried or failed, got '" + turn.outcome() + "'");
        }
        if (turn.attempt() < 1) {
            throw bad(what, "attempt must be at least 1, got " + turn.attempt());
        }
        if (turn.durationMillis() < 0) {
            throw bad(what, "durationMillis must not be negative, got " + turn.durationMillis());
        }
        if (turn.toolCalls() < 0) {
            throw bad(what, "toolCalls must not be negative, got " + turn.toolCalls());
        }
        if (!Subjects.isToken(turn.receivedFrom())) {
            throw bad(
                    what,
                    "receivedFrom must be a sender class (operator, house, scheduler, service), got '"
                            + turn.receivedFrom() + "'");
        }
        for (Map.Entry<String, Integer> sent : turn.sent().entrySet()) {
            if (!Subjects.isToken(sent.getKey()) || sent.getValue() == null || sent.getValue() < 0) {
                throw bad(
                        what,
                        "sent must count messages per recipient class (e.g. {\"operator\": 1}), got '" + sent.getKey()
                                + "': " + sent.getValue());
            }
        }
        optionalText(what, "mode", turn.mode());
        optionalText(what, "errorCode", turn.errorCode());
        at(what, turn.at());
        return new ReceivedEvent<>(envelope.id(), envelope.nodeId(), receivedAt, turn);
    }

    static ReceivedEvent<ToolCallEvent> toolCall(Envelope envelope, Instant receivedAt) throws InvalidStatsEvent {
        ToolCallEvent call = read(envelope, ToolCallEvent.class);
        String what = "tool-call event " + envelope.id();
        house(what, call.house(), envelope);
        if (call.tool() == null || call.tool().isBlank() || call.tool().length() > MAX_TEXT) {
            throw bad(what, "tool must name the tool (1-" + MAX_TEXT + " characters), got '" + call.tool() + "'");
        }
        if (!Subjects.isToken(call.outcome())) {
            throw bad(
                    what,
                    "outcome must be ok or an error class such as failed or denied, got '" + call.outcome() + "'");
        }
        if (call.attempts() < 0) {
            throw bad(what, "attempts must not be negative, got " + call.attempts());
        }
        if (call.latencyMillis() < 0) {
            throw bad(what, "latencyMillis must not be negative, got " + call.latencyMillis());
        }
        optionalText(what, "mode", call.mode());
        optionalText(what, "argumentsDigest", call.argumentsDigest());
        at(what, call.at());
        return new ReceivedEvent<>(envelope.id(), envelope.nodeId(), receivedAt, call);
    }

    private static <T> T read(Envelope envelope, Class<T> type) throws InvalidStatsEvent {
        try {
            return EnvelopeCodec.readPayload(envelope, type);
        } catch (EnvelopeFormatException e) {
            throw new InvalidStatsEvent(InvalidStatsEvent.MALFORMED, "event " + envelope.id() + ": " + e.getMessage());
        }
    }

    private static void house(String what, String house, Envelope envelope) throws InvalidStatsEvent {
        if (!Subjects.isToken(house)) {
            throw bad(what, "house must be a house name (lower-case letters, digits, '_' or '-'), got '" + house + "'");
        }
        if (!HouseNodes.speaksFor(envelope.nodeId(), house)) {
            throw new InvalidStatsEvent(
                    InvalidStatsEvent.NOT_THE_HOUSE,
                    what + ": node '" + envelope.nodeId() + "' does not speak for house '" + house + "'");
        }
    }

    private static void optionalText(String what, String field, String value) throws InvalidStatsEvent {
        if (value != null && value.length() > MAX_TEXT) {
            throw bad(what, field + " is longer than " + MAX_TEXT + " characters");
        }
    }

    private static void at(String what, Instant at) throws InvalidStatsEvent {
        if (at == null) {
            throw bad(what, "at (when it ended) is missing");
        }
    }

    private static InvalidStatsEvent bad(String what, String problem) {
        return new InvalidStatsEvent(InvalidStatsEvent.BAD_FIELD, what + ": " + problem);
    }
}

package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.house.tools.ToolCall;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * How one tool call of a turn ended, whether it ran or not; what the model (or the operator in SIMPLE mode) is told.
 *
 * @param callId the model's id for the call (generated in SIMPLE mode)
 * @param tool the tool's name as asked
 * @param arguments the arguments as the tool saw (or would have seen) them
 * @param status ok or why not
 * @param text the tool's output, or a sentence saying what went wrong and what to do
 * @param attempts how many times the tool ran (0 when it never ran)
 * @param latency from the decision to the result, approval wait included
 */
public record ToolOutcome(
        String callId,
        String tool,
        Map<String, String> arguments,
        Status status,
        String text,
        int attempts,
        Duration latency) {

    public enum Status {
        /** The tool did what was asked. */
        OK,
        /** The tool ran and reported a failure (a missing file, a non-zero exit). */
        FAILED,
        /** The tool crashed or kept failing transiently. */
        ERROR,
        /** The tool did not finish in time. */
        TIMEOUT,
        /** The tool's circuit breaker is open. */
        UNAVAILABLE,
        /** A permission rule denies the call. */
        DENIED,
        /** A house gate refuses the call (read-before-write, proof-required, send allow-list). */
        REFUSED,
        /** An approval was needed and was denied, expired or could not be obtained. */
        NOT_APPROVED,
        /** The arguments do not fit the tool. */
        BAD_ARGUMENTS,
        /** No such tool in this house. */
        UNKNOWN_TOOL;

        /** The wire and metric form, e.g. {@code not_approved}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ToolOutcome {
        arguments = Map.copyOf(arguments);
    }

    /** The call as it was asked for. */
    public ToolCall call() {
        return new ToolCall(tool, arguments);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** A call that never ran. */
    public static ToolOutcome notRun(
            String callId, String tool, Map<String, String> arguments, Status status, String text, Duration latency) {
        return new ToolOutcome(callId, tool, arguments, status, text, 0, latency);
    }
}

package dev.uniwizard.mesh.house.tools;

import dev.uniwizard.mesh.house.engine.TurnContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Something a house can do. Every CDI bean implementing this is a tool of the house (see {@link ToolRegistry}).
 * Arguments are checked against {@link #parameters()} and {@link #validate(ToolCall)} before the tool runs, so a tool
 * sees only the parameters it declared, with every required one present, of its declared type and valid.
 *
 * <p>The engine runs a tool with {@link #execute(ToolCall, TurnContext)}; a tool that needs nothing of the turn
 * implements only {@link #execute(ToolCall)}, a tool that acts on behalf of the turn (e.g. {@code remember}, which
 * needs the task and conversation) overrides the former.
 *
 * <p>A tool reports a failure the operator or model should read as {@link ToolResult#failure(String)}; it throws
 * {@link TransientToolException} for a failure worth retrying, and any other exception counts as a crash. Timeouts,
 * retries, circuit breakers, permissions and approvals are applied around it by the execution engine.
 */
public interface Tool {

    /** Unique name used in {@code /tool NAME} and by the model: lower-case letters, digits and '_'. */
    String name();

    /** One line saying what the tool does, shown in the help text and to the model. */
    String description();

    /** The parameters the tool accepts. */
    List<ToolParameter> parameters();

    /** True when the tool changes nothing outside the house: it may run in parallel and needs no approval. */
    boolean readOnly();

    /** Whether this call changes something; by default the opposite of {@link #readOnly()}. */
    default boolean sideEffects(ToolCall call) {
        return !readOnly();
    }

    /**
     * The value permission rules with an argument pattern match, e.g. the path of {@code file_write(*.md)}; empty when
     * the tool has none (then only rules without an argument pattern match it).
     */
    default Optional<String> target(ToolCall call) {
        return Optional.empty();
    }

    /**
     * What is wrong with the values of a call whose parameters are present and of their types (a value out of range,
     * a name that is not one of a fixed set), said so the caller can correct it; empty when the call is fine. A call
     * with a problem is answered as bad arguments without asking permission or approval, and is not run.
     */
    default Optional<String> validate(ToolCall call) {
        return Optional.empty();
    }

    /** How long one attempt may run before it is abandoned as timed out. */
    default Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /** Runs the tool. */
    ToolResult execute(ToolCall call);

    /** Runs the tool within a task's turn; by default the same as {@link #execute(ToolCall)}. */
    default ToolResult execute(ToolCall call, TurnContext turn) {
        return execute(call);
    }
}

package dev.uniwizard.mesh.house.tools;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Something a house can do. Every CDI bean implementing this is a tool of the house (see {@link ToolRegistry}).
 * Arguments are checked against {@link #parameters()} before {@link #execute(ToolCall)} is called, so a tool sees only
 * the parameters it declared, with every required one present and of its declared type.
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

    /** How long one attempt may run before it is abandoned as timed out. */
    default Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /** Runs the tool. */
    ToolResult execute(ToolCall call);
}

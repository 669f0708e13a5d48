package dev.uniwizard.mesh.house.tools;

import java.util.Map;
import java.util.Optional;

/**
 * A request to run one tool with its arguments as text.
 *
 * @param tool the tool's name
 * @param arguments parameter name to value, in the order given
 */
public record ToolCall(String tool, Map<String, String> arguments) {

    public ToolCall {
        arguments = Map.copyOf(arguments);
    }

    public Optional<String> argument(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    /** A required argument; the registry has checked that it is present. */
    public String required(String name) {
        String value = arguments.get(name);
        if (value == null) {
            throw new IllegalArgumentException("tool " + tool + " was called without its required parameter " + name);
        }
        return value;
    }
}

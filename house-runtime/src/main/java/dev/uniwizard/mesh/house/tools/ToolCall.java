package dev.uniwizard.mesh.house.tools;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uniwizard.mesh.core.approval.ArgumentsDigest;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request to run one tool with its arguments as text (a model's JSON numbers and booleans arrive in their JSON text
 * form; {@link ToolRegistry#checkArguments} has checked them against the declared types before a tool runs).
 *
 * @param tool the tool's name
 * @param arguments parameter name to value
 */
public record ToolCall(String tool, Map<String, String> arguments) {

    public ToolCall {
        arguments = Map.copyOf(arguments);
    }

    /**
     * The exact arguments as one JSON object of strings (keys sorted): what approvals are bound to, what digests are
     * taken of, what memory keeps with the call.
     */
    public ObjectNode argumentsJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(arguments).forEach(json::put);
        return json;
    }

    /** {@link ArgumentsDigest} of {@link #argumentsJson()}: how approvals, events and redeliveries know the call. */
    public String argumentsDigest() {
        return ArgumentsDigest.of(argumentsJson());
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

    /** An optional integer argument (checked to parse), or {@code fallback} when absent. */
    public long integer(String name, long fallback) {
        String value = arguments.get(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    /** An optional boolean argument ({@code true}/{@code false}), or {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        String value = arguments.get(name);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }
}

package dev.uniwizard.mesh.house.tools;

import dev.uniwizard.mesh.house.config.HouseConfig;
import io.quarkus.arc.All;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every tool of the house, by name. Two tools with the same name, or a badly named tool, fail start-up. */
@Singleton
public class ToolRegistry {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Map<String, Tool> byName;

    @Inject
    public ToolRegistry(@All List<Tool> tools, HouseConfig config) {
        this(tools, config.tools().enabled());
    }

    public ToolRegistry(List<Tool> tools) {
        this(tools, Optional.empty());
    }

    /**
     * @param tools every tool bean
     * @param enabled the names the house uses ({@code house.tools.enabled}); all tools when empty
     */
    public ToolRegistry(List<Tool> tools, Optional<List<String>> enabled) {
        Map<String, Tool> found = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Tool tool : tools) {
            String name = tool.name();
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add("tool " + describe(tool) + " has the invalid name '" + name
                        + "' (use lower-case letters, digits and '_', starting with a letter)");
                continue;
            }
            Tool previous = found.putIfAbsent(name, tool);
            if (previous != null) {
                problems.add("two tools are named '" + name + "': " + describe(previous) + " and " + describe(tool));
            }
        }
        if (enabled.isPresent()) {
            List<String> unknown = enabled.get().stream()
                    .map(String::strip)
                    .filter(name -> !found.containsKey(name))
                    .toList();
            if (!unknown.isEmpty()) {
                problems.add("house.tools.enabled names unknown tools " + quoted(unknown) + "; known tools: "
                        + String.join(", ", found.keySet()));
            }
            found.keySet().retainAll(enabled.get().stream().map(String::strip).toList());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the house's tools are misconfigured: " + String.join("; ", problems));
        }
        this.byName = Map.copyOf(found);
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All tools, sorted by name. */
    public List<Tool> all() {
        return byName.values().stream().sorted(Comparator.comparing(Tool::name)).toList();
    }

    public Collection<String> names() {
        return all().stream().map(Tool::name).toList();
    }

    /**
     * Checks a call against the tool's parameters: every key must be a declared parameter, every required parameter
     * present and of its type, and then the values as the tool {@linkplain Tool#validate validates} them. Returns what
     * is wrong, or empty when the call fits.
     */
    public static Optional<String> checkArguments(Tool tool, ToolCall call) {
        List<String> declared =
                tool.parameters().stream().map(ToolParameter::name).toList();
        List<String> unknown = call.arguments().keySet().stream()
                .filter(key -> !declared.contains(key))
                .sorted()
                .toList();
        List<String> missing = tool.parameters().stream()
                .filter(ToolParameter::required)
                .map(ToolParameter::name)
                .filter(name -> !call.arguments().containsKey(name))
                .toList();
        List<String> mistyped = tool.parameters().stream()
                .filter(p -> call.arguments().containsKey(p.name()))
                .filter(p -> !p.type().accepts(call.arguments().get(p.name())))
                .map(p -> "'" + p.name() + "' must be " + article(p.type()) + " but is '"
                        + abbreviate(call.arguments().get(p.name())) + "'")
                .toList();
        if (unknown.isEmpty() && missing.isEmpty() && mistyped.isEmpty()) {
            return tool.validate(call).map(problem -> "tool '" + tool.name() + "': " + problem + ".");
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing required parameter" + plural(missing) + " " + quoted(missing));
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown parameter" + plural(unknown) + " " + quoted(unknown));
        }
        problems.addAll(mistyped);
        return Optional.of("tool '" + tool.name() + "': " + String.join(", ", problems) + ". " + usage(tool));
    }

    /** e.g. {@code Usage: /tool echo text=<text>} or {@code Usage: /tool system_info (no parameters)}. */
    public static String usage(Tool tool) {
        if (tool.parameters().isEmpty()) {
            return "Usage: /tool " + tool.name() + " (no parameters)";
        }
        String params = tool.parameters().stream()
                .map(p -> p.required() ? p.name() + "=<" + p.name() + ">" : "[" + p.name() + "=<" + p.name() + ">]")
                .collect(Collectors.joining(" "));
        return "Usage: /tool " + tool.name() + " " + params;
    }

    private static String article(ParamType type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static String plural(List<String> names) {
        return names.size() == 1 ? "" : "s";
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static String describe(Tool tool) {
        return tool.getClass().getName();
    }
}

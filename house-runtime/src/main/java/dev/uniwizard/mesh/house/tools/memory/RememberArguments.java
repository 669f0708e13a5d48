package dev.uniwizard.mesh.house.tools.memory;

import dev.uniwizard.mesh.core.memory.MemoryTypes;
import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.tools.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of a {@code remember} call, read and checked: what memory would refuse is refused here first, with the
 * same words, so a model can correct its call at once.
 *
 * @param type one of {@link MemoryTypes#ALL}
 * @param content the knowledge, not blank
 * @param marker its one-line form, or null to have memory derive it from the content
 * @param houses the houses whose prompts carry it; empty for every house
 * @param relevance 0 to 1, or null for memory's default
 */
public record RememberArguments(String type, String content, String marker, List<String> houses, Double relevance) {

    public static final String TYPE = "type";
    public static final String CONTENT = "content";
    public static final String MARKER = "marker";
    public static final String HOUSES = "houses";
    public static final String RELEVANCE = "relevance";

    public RememberArguments {
        houses = List.copyOf(houses);
    }

    /**
     * Reads a call whose parameters the registry has checked for presence and type.
     *
     * @throws IllegalArgumentException saying which argument is wrong and what would be right
     */
    public static RememberArguments read(ToolCall call) {
        return new RememberArguments(
                type(call.required(TYPE)),
                content(call.required(CONTENT)),
                marker(call.argument(MARKER).orElse(null)),
                houses(call.argument(HOUSES).orElse("")),
                relevance(call.argument(RELEVANCE).orElse(null)));
    }

    /** The memory type as given, trimmed and in lower case: what rules like {@code remember(decision)} match. */
    public static String normalizedType(String type) {
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static String type(String given) {
        String type = normalizedType(given);
        if (!MemoryTypes.isKnown(type)) {
            throw new IllegalArgumentException(
                    "type '" + given + "' is not a memory type; use one of " + String.join(", ", MemoryTypes.ALL));
        }
        return type;
    }

    private static String content(String content) {
        if (content.isBlank()) {
            throw new IllegalArgumentException("content is empty; say what should be remembered, with its reason");
        }
        return content.strip();
    }

    private static String marker(String marker) {
        if (marker == null || marker.isBlank()) {
            return null;
        }
        if (marker.strip().lines().count() > 1) {
            throw new IllegalArgumentException(
                    "marker must be one line; put the details into content and keep the marker short");
        }
        return marker.strip();
    }

    private static List<String> houses(String given) {
        List<String> houses = new ArrayList<>();
        for (String part : given.split(",")) {
            String house = part.strip();
            if (house.isEmpty()) {
                continue;
            }
            if (!Subjects.isToken(house)) {
                throw new IllegalArgumentException("houses must be house names separated by commas (e.g. ezra,bezalel);"
                        + " '" + house + "' is not a house name");
            }
            if (!houses.contains(house)) {
                houses.add(house);
            }
        }
        return houses;
    }

    private static Double relevance(String given) {
        if (given == null) {
            return null;
        }
        double relevance;
        try {
            relevance = Double.parseDouble(given);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("relevance must be a number from 0 to 1, got '" + given + "'");
        }
        if (!(relevance >= 0 && relevance <= 1)) {
            throw new IllegalArgumentException(
                    "relevance must be from 0 (barely relevant) to 1 (most relevant), got " + given);
        }
        return relevance;
    }
}

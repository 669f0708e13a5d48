package dev.uniwizard.mesh.router.triage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.core.envelope.EnvelopeCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a triage model's answer, {@code {"house": "...", "labels": [...], "reason": "..."}}, tolerating a Markdown
 * code fence or words around the object. The house must be a known one and the reason a non-blank string; labels are
 * kept only when the rules name them (a model may not invent labels), at most {@value #MAX_LABELS}.
 */
public final class ModelAnswer {

    static final int MAX_LABELS = 5;
    static final int MAX_REASON_CHARS = 200;

    /** What the answer said, or why it is unusable. */
    public sealed interface Parsed {}

    public record Valid(TriageDecision decision, List<String> droppedLabels) implements Parsed {}

    public record Invalid(String why) implements Parsed {}

    private ModelAnswer() {}

    public static Parsed parse(String answer, Collection<String> houses, Collection<String> allowedLabels) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return new Invalid("no JSON object in the answer: " + abbreviate(answer));
        }
        JsonNode root;
        try {
            root = EnvelopeCodec.mapper().readTree(answer.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            return new Invalid("the answer's object is not JSON: " + e.getOriginalMessage());
        }
        JsonNode house = root.path("house");
        if (!house.isTextual() || !houses.contains(house.asText().strip().toLowerCase(Locale.ROOT))) {
            return new Invalid(
                    house.isMissingNode()
                            ? "\"house\" is missing"
                            : "\"house\" is " + abbreviate(house.toString()) + ", not one of " + houses);
        }
        JsonNode reason = root.path("reason");
        if (!reason.isTextual() || reason.asText().isBlank()) {
            return new Invalid("\"reason\" is missing or blank");
        }
        JsonNode labels = root.path("labels");
        if (!labels.isMissingNode() && !labels.isNull() && !labels.isArray()) {
            return new Invalid("\"labels\" is not a list");
        }
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (JsonNode label : labels) {
            Optional<String> known = label.isTextual() ? allowed(label.asText(), allowedLabels) : Optional.empty();
            if (known.isPresent() && kept.size() < MAX_LABELS && !kept.contains(known.get())) {
                kept.add(known.get());
            } else if (known.isEmpty()) {
                dropped.add(label.asText(label.toString()));
            }
        }
        String why = reason.asText().replaceAll("\\s+", " ").strip();
        if (why.length() > MAX_REASON_CHARS) {
            why = why.substring(0, MAX_REASON_CHARS) + "...";
        }
        return new Valid(
                new TriageDecision(house.asText().strip().toLowerCase(Locale.ROOT), kept, "model: " + why), dropped);
    }

    private static Optional<String> allowed(String label, Collection<String> allowedLabels) {
        String wanted = label.strip();
        return allowedLabels.stream().filter(l -> l.equalsIgnoreCase(wanted)).findFirst();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }
}

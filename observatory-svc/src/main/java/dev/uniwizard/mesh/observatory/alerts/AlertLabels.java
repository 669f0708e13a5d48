package dev.uniwizard.mesh.observatory.alerts;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The labels and annotations of the alert of a check result, and the key of the group it belongs to: labels
 * {@code alertname} (the check id), {@code kind}, {@code target} and {@code severity} (the state); annotations
 * {@code summary} (the check's message) and {@code value}.
 */
public final class AlertLabels {

    public static final String ALERTNAME = "alertname";
    public static final String KIND = "kind";
    public static final String TARGET = "target";
    public static final String SEVERITY = "severity";
    public static final String SUMMARY = "summary";
    public static final String VALUE = "value";

    /** The labels alerts can be grouped by. */
    public static final Set<String> ALL = Set.of(ALERTNAME, KIND, TARGET, SEVERITY);

    private AlertLabels() {}

    public static Map<String, String> labels(CheckResult result) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ALERTNAME, result.id());
        labels.put(KIND, String.valueOf(result.kind()));
        labels.put(TARGET, String.valueOf(result.target()));
        labels.put(SEVERITY, result.state().wireName());
        return Map.copyOf(labels);
    }

    public static Map<String, String> annotations(CheckResult result) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(SUMMARY, result.message() == null ? "" : result.message());
        if (result.value() != null) {
            annotations.put(VALUE, value(result.value(), result.unit()));
        }
        return Map.copyOf(annotations);
    }

    /** The labels of {@code labels} the groups are keyed by, in {@code groupBy} order. */
    public static Map<String, String> groupLabels(Map<String, String> labels, List<String> groupBy) {
        Map<String, String> group = new LinkedHashMap<>();
        for (String name : groupBy) {
            group.put(name, labels.getOrDefault(name, ""));
        }
        return group;
    }

    /** The group's key as Alertmanager writes it, e.g. {@code {kind="disk"}}. */
    public static String groupKey(Map<String, String> groupLabels) {
        return groupLabels.entrySet().stream()
                .map(e ->
                        e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A number as people write it (no trailing zeros, no exponent), with its unit. */
    static String value(double value, String unit) {
        String number = Double.isFinite(value)
                ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                : Double.toString(value);
        return unit == null || unit.isBlank() ? number : number + " " + unit;
    }
}

package dev.uniwizard.mesh.e2e.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL reading to find the series an expression selects: the mesh's own metric names
 * ({@code mesh_...}) and recording-rule names (with a colon), with string literals, label matchers, grouping label
 * lists, function names and Grafana variables ({@code $house}, {@code [$__rate_interval]}) left out.
 */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern LABEL_LISTS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[A-Za-z_:][\\w:]*");

    private PromQl() {}

    /** The metric names of the mesh ({@code mesh_...}, no colon) the expression selects. */
    static Set<String> meshMetrics(String expr) {
        Set<String> names = new TreeSet<>();
        for (String name : selectors(expr)) {
            if (name.startsWith("mesh_") && !name.contains(":")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The recording-rule names (those with a colon, e.g. {@code mesh:gateway_request_errors:ratio_rate5m}). */
    static Set<String> recordedSeries(String expr) {
        Set<String> names = new TreeSet<>();
        for (String name : selectors(expr)) {
            if (name.contains(":")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric name the expression selects (identifiers that are not functions, keywords or labels). */
    static Set<String> selectors(String expr) {
        String text = STRING.matcher(expr).replaceAll("\"\"");
        text = GRAFANA_VARIABLE.matcher(text).replaceAll("5m");
        text = MATCHERS.matcher(text).replaceAll("{}");
        text = LABEL_LISTS.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            int next = matcher.end();
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            boolean function = next < text.length() && text.charAt(next) == '(';
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The expression with Grafana's variables replaced by values Prometheus accepts, so promtool can parse it:
     * intervals become {@code 5m}, anything else (used in label regexes) {@code .*}.
     */
    static String withoutGrafanaVariables(String expr) {
        return expr.replace("$__rate_interval", "5m")
                .replace("$__interval", "1m")
                .replace("$__range", "1h")
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", ".*");
    }

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan",
            "start",
            "end");
}

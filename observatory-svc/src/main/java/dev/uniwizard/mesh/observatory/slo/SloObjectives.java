package dev.uniwizard.mesh.observatory.slo;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.observatory.config.ChecksConfig;
import dev.uniwizard.mesh.observatory.config.SloConfig;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The objectives of {@code observatory.slo.*}, checked when the observatory starts (a bad one stops the start with
 * what is wrong): availability per service and latency per named histogram.
 */
@Singleton
public class SloObjectives {

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** An availability objective: {@code service:<service>} is ok at least {@code targetPercent} of the time. */
    public record UptimeObjective(String service, double targetPercent) {}

    /**
     * A latency objective: the p95 of histogram {@code metric} at {@code url} stays within {@code objective}.
     *
     * @param objective null when the latency is only reported
     */
    public record LatencyObjective(
            String name, URI url, String metric, Duration objective, List<LabelMatcher> matchers) {}

    private final Duration defaultWindow;
    private final Duration maxGap;
    private final List<UptimeObjective> uptime;
    private final List<LatencyObjective> latency;

    public SloObjectives(SloConfig config, ChecksConfig checks) {
        try {
            this.defaultWindow = SloWindow.parse(config.window());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("observatory.slo.window: " + e.getMessage(), e);
        }
        this.maxGap = config.maxGap().orElse(checks.interval().multipliedBy(3));
        this.uptime = uptime(config.uptime());
        this.latency = latency(config.latency());
    }

    public Duration defaultWindow() {
        return defaultWindow;
    }

    /** Gaps between snapshots longer than this count as unobserved. */
    public Duration maxGap() {
        return maxGap;
    }

    public List<UptimeObjective> uptime() {
        return uptime;
    }

    public List<LatencyObjective> latency() {
        return latency;
    }

    static List<UptimeObjective> uptime(List<String> specs) {
        List<UptimeObjective> objectives = new ArrayList<>();
        for (String spec : specs) {
            if (spec.isBlank()) {
                continue;
            }
            String[] parts = spec.strip().split("=", 2);
            if (parts.length != 2 || !Subjects.isToken(parts[0].strip())) {
                throw new IllegalArgumentException(
                        "observatory.slo.uptime entry '" + spec + "' is not service=percent (e.g. gateway=99.5)");
            }
            double target;
            try {
                target = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "observatory.slo.uptime entry '" + spec + "': '" + parts[1] + "' is not a number", e);
            }
            if (!(target > 0 && target < 100)) {
                throw new IllegalArgumentException("observatory.slo.uptime entry '" + spec
                        + "': the objective must lie between 0 and 100 percent, exclusive");
            }
            objectives.add(new UptimeObjective(parts[0].strip(), target));
        }
        return List.copyOf(objectives);
    }

    static List<LatencyObjective> latency(Map<String, SloConfig.Latency> configured) {
        List<LatencyObjective> objectives = new ArrayList<>();
        new TreeMap<>(configured).forEach((name, latency) -> {
            String key = "observatory.slo.latency." + name;
            if (!Subjects.isToken(name)) {
                throw new IllegalArgumentException(
                        key + ": '" + name + "' is not an objective name (lower-case letters, digits, '_' or '-')");
            }
            URI url;
            try {
                url = URI.create(latency.url().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ".url '" + latency.url() + "' is not a URL", e);
            }
            if (url.getScheme() == null
                    || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                    || url.getHost() == null) {
                throw new IllegalArgumentException(key + ".url '" + latency.url()
                        + "' is not an http(s) URL (e.g. http://127.0.0.1:8080/q/metrics)");
            }
            String metric = latency.metric().strip();
            if (!METRIC.matcher(metric).matches()) {
                throw new IllegalArgumentException(key + ".metric '" + metric + "' is not a Prometheus metric name");
            }
            if (metric.endsWith("_bucket")) {
                metric = metric.substring(0, metric.length() - "_bucket".length());
            }
            Duration objective = latency.objective().orElse(null);
            if (objective != null && (objective.isZero() || objective.isNegative())) {
                throw new IllegalArgumentException(key + ".objective must be positive, was " + objective);
            }
            List<LabelMatcher> matchers = new ArrayList<>();
            for (String filter : latency.labels().orElse(List.of())) {
                try {
                    matchers.add(LabelMatcher.parse(filter));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ".labels: " + e.getMessage(), e);
                }
            }
            objectives.add(new LatencyObjective(name, url, metric, objective, List.copyOf(matchers)));
        });
        return List.copyOf(objectives);
    }
}

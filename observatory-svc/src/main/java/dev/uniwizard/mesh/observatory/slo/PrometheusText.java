package dev.uniwizard.mesh.observatory.slo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a histogram from the Prometheus text exposition format: the {@code <metric>_bucket} series whose labels pass
 * the matchers, summed per {@code le} over their other labels.
 */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * The process start time the text reports ({@code process_start_time_seconds}, as Micrometer and the Prometheus
     * clients export it), or empty when it has none or it cannot be read.
     */
    public static Optional<Instant> processStart(String text) {
        for (String line : text.split("\n")) {
            if (!line.startsWith("process_start_time_seconds")) {
                continue;
            }
            String rest = line.substring("process_start_time_seconds".length());
            if (!rest.isEmpty() && rest.charAt(0) != ' ' && rest.charAt(0) != '{') {
                continue; // another metric with this prefix
            }
            String[] parts = rest.strip().split("\\s+");
            try {
                double seconds = Double.parseDouble(parts[parts.length - 1]);
                if (Double.isFinite(seconds) && seconds > 0) {
                    return Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The summed buckets of {@code metric} in {@code text}; an empty sample when no series matches.
     *
     * @throws IllegalArgumentException when a line of the histogram cannot be read, saying which
     */
    public static HistogramSample histogram(String text, String metric, List<LabelMatcher> matchers, Instant at) {
        String series = metric + "_bucket";
        TreeMap<Double, Double> buckets = new TreeMap<>();
        int number = 0;
        for (String raw : text.split("\n")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(series)) {
                continue;
            }
            String rest = line.substring(series.length());
            if (!rest.startsWith("{") && !rest.startsWith(" ") && !rest.startsWith("\t")) {
                continue; // another metric whose name starts with this one's
            }
            Sample sample = sample(rest, number);
            String le = sample.labels().get("le");
            if (le == null) {
                throw new IllegalArgumentException("line " + number + ": a " + series + " series without le");
            }
            if (matchers.stream().allMatch(m -> m.matches(sample.labels()))) {
                buckets.merge(number(le, number), sample.value(), Double::sum);
            }
        }
        if (!buckets.isEmpty() && buckets.lastKey() != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(series + " has no le=\"+Inf\" bucket");
        }
        return new HistogramSample(at, new ArrayList<>(buckets.keySet()), new ArrayList<>(buckets.values()));
    }

    private record Sample(Map<String, String> labels, double value) {}

    /** Parses {@code {a="b",...} value [timestamp]} or {@code  value [timestamp]}. */
    private static Sample sample(String rest, int line) {
        Map<String, String> labels = new HashMap<>();
        int i = 0;
        if (rest.startsWith("{")) {
            i = 1;
            while (true) {
                while (i < rest.length() && (rest.charAt(i) == ' ' || rest.charAt(i) == ',')) {
                    i++;
                }
                if (i >= rest.length()) {
                    throw new IllegalArgumentException("line " + line + ": the labels are not closed with '}'");
                }
                if (rest.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = rest.indexOf('=', i);
                if (eq < 0 || eq + 1 >= rest.length() || rest.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("line " + line + ": a label is not name=\"value\"");
                }
                String name = rest.substring(i, eq).strip();
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (true) {
                    if (j >= rest.length()) {
                        throw new IllegalArgumentException("line " + line + ": label " + name + " is not closed");
                    }
                    char c = rest.charAt(j);
                    if (c == '\\' && j + 1 < rest.length()) {
                        char next = rest.charAt(j + 1);
                        value.append(next == 'n' ? '\n' : next);
                        j += 2;
                    } else if (c == '"') {
                        j++;
                        break;
                    } else {
                        value.append(c);
                        j++;
                    }
                }
                labels.put(name, value.toString());
                i = j;
            }
        }
        String[] fields = rest.substring(i).strip().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": no value");
        }
        return new Sample(labels, number(fields[0], line));
    }

    private static double number(String value, int line) {
        return switch (value) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ": '" + value + "' is not a number", e);
                }
            }
        };
    }
}

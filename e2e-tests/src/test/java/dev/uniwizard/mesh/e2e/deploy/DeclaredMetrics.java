package dev.uniwizard.mesh.e2e.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Micrometer meters of the mesh as declared in the services' main sources ({@code *}{@code /src/main/java}):
 * every string literal {@code "mesh.<...>"}, with its meter type (and base unit) when the literal, or a constant
 * holding it, is passed to a counter, timer, gauge or summary builder in the same file. Answers which Prometheus names
 * those meters are exported as, following Micrometer's Prometheus naming: dots to underscores, then the base unit
 * (timers: {@code _seconds}) unless the name already ends with it, then the type's suffix (counters {@code _total};
 * timers and summaries {@code _bucket}, {@code _count}, {@code _sum}, {@code _max}).
 */
final class DeclaredMetrics {

    /** The kinds of meters, as far as their Prometheus names go. */
    enum Type {
        COUNTER,
        TIMER,
        SUMMARY,
        GAUGE,
        /** A name found as a literal that no builder in its file uses: any export is accepted. */
        UNKNOWN
    }

    /** How one meter is declared: its type and base unit (null when none is set). */
    record Kind(Type type, String unit) {

        /** The Prometheus names this meter is exported as. */
        List<String> exportedNames(String meter) {
            String base = prometheusBase(meter);
            return switch (type) {
                case COUNTER -> List.of(withUnit(base, unit) + "_total");
                case TIMER -> histogram(withUnit(base, "seconds"));
                case SUMMARY -> histogram(withUnit(base, unit));
                case GAUGE -> List.of(withUnit(base, unit));
                case UNKNOWN ->
                    Stream.of(
                                    new Kind(Type.COUNTER, null),
                                    new Kind(Type.TIMER, null),
                                    new Kind(Type.SUMMARY, null),
                                    new Kind(Type.GAUGE, null),
                                    new Kind(Type.GAUGE, "seconds"),
                                    new Kind(Type.GAUGE, "bytes"),
                                    new Kind(Type.GAUGE, "ratio"),
                                    new Kind(Type.GAUGE, "percent"))
                            .flatMap(kind -> kind.exportedNames(meter).stream())
                            .distinct()
                            .toList();
            };
        }

        /** A histogram's series, and the bare name of the percentile series a client-side percentile adds. */
        private static List<String> histogram(String base) {
            return List.of(base + "_bucket", base + "_count", base + "_sum", base + "_max", base);
        }

        private static String withUnit(String base, String unit) {
            return unit == null || base.endsWith("_" + unit) ? base : base + "_" + unit;
        }

        @Override
        public String toString() {
            return type.name().toLowerCase(Locale.ROOT) + (unit == null ? "" : " in " + unit);
        }
    }

    /** One way a Prometheus name was resolved: the Micrometer name and how it is declared. */
    record Match(String meter, Kind kind) {

        Type type() {
            return kind.type();
        }
    }

    private static final String NAME = "mesh\\.[a-z0-9][a-z0-9_.\\-]*[a-z0-9]";
    private static final Pattern LITERAL = Pattern.compile("\"(" + NAME + ")\"");
    private static final Pattern CONSTANT =
            Pattern.compile("\\bString\\s+([A-Za-z_]\\w*)\\s*=\\s*\"(" + NAME + ")\"\\s*;");
    private static final Pattern BUILDER =
            Pattern.compile("(?<![\\w.])((?:\\w+\\.)?\\w+)\\s*\\(\\s*(\"(" + NAME + ")\"|[A-Za-z_][\\w.]*)\\s*[,)]");
    private static final Pattern BASE_UNIT =
            Pattern.compile("\\.baseUnit\\(\\s*(?:\"([A-Za-z_]+)\"|BaseUnits\\.([A-Z_]+))\\s*\\)");

    private static final Map<String, Type> BUILDERS = Map.ofEntries(
            Map.entry("counter", Type.COUNTER),
            Map.entry("Counter.builder", Type.COUNTER),
            Map.entry("FunctionCounter.builder", Type.COUNTER),
            Map.entry("timer", Type.TIMER),
            Map.entry("Timer.builder", Type.TIMER),
            Map.entry("FunctionTimer.builder", Type.TIMER),
            Map.entry("LongTaskTimer.builder", Type.TIMER),
            Map.entry("gauge", Type.GAUGE),
            Map.entry("Gauge.builder", Type.GAUGE),
            Map.entry("MultiGauge.builder", Type.GAUGE),
            Map.entry("gaugeCollectionSize", Type.GAUGE),
            Map.entry("gaugeMapSize", Type.GAUGE),
            Map.entry("TimeGauge.builder", Type.GAUGE),
            Map.entry("summary", Type.SUMMARY),
            Map.entry("DistributionSummary.builder", Type.SUMMARY));

    private final Map<String, Set<Kind>> meters;

    DeclaredMetrics(Map<String, Set<Kind>> meters) {
        this.meters = Map.copyOf(meters);
    }

    /** Scans {@code <root>/<module>/src/main/java} of every module. */
    static DeclaredMetrics scan(Path root) {
        Map<String, Set<Kind>> meters = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path sources = module.resolve("src/main/java");
                if (Files.isDirectory(sources)) {
                    try (Stream<Path> files = Files.walk(sources)) {
                        for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                                .toList()) {
                            read(Files.readString(file), meters);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + root, e);
        }
        return new DeclaredMetrics(meters);
    }

    /** The meters declared in these source texts (for tests of this class). */
    static DeclaredMetrics of(String... sources) {
        Map<String, Set<Kind>> meters = new TreeMap<>();
        for (String source : sources) {
            read(source, meters);
        }
        return new DeclaredMetrics(meters);
    }

    private static void read(String source, Map<String, Set<Kind>> meters) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Map<String, Set<Kind>> typed = new HashMap<>();
        Matcher builder = BUILDER.matcher(source);
        while (builder.find()) {
            String call = builder.group(1);
            Type type = BUILDERS.get(call);
            if (type == null && !Character.isUpperCase(call.charAt(0))) {
                // registry.counter(...), meters.timer(...): a method of a registry variable
                type = BUILDERS.get(call.replaceFirst("^\\w+\\.", ""));
            }
            String name = builder.group(3) != null ? builder.group(3) : constants.get(lastPart(builder.group(2)));
            if (type == null || name == null) {
                continue;
            }
            String unit = call.equals("TimeGauge.builder") ? "seconds" : baseUnit(source, builder.end());
            typed.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(new Kind(type, unit));
        }
        Matcher literal = LITERAL.matcher(source);
        while (literal.find()) {
            String name = literal.group(1);
            Set<Kind> kinds = typed.getOrDefault(name, Set.of(new Kind(Type.UNKNOWN, null)));
            meters.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(kinds);
        }
    }

    /** The {@code .baseUnit(...)} of the builder statement starting at {@code from}, or null. */
    private static String baseUnit(String source, int from) {
        int end = source.indexOf(';', from);
        Matcher unit = BASE_UNIT.matcher(source.substring(from, end < 0 ? source.length() : end));
        if (!unit.find()) {
            return null;
        }
        return unit.group(1) != null ? unit.group(1) : unit.group(2).toLowerCase(Locale.ROOT);
    }

    private static String lastPart(String identifier) {
        return identifier.substring(identifier.lastIndexOf('.') + 1);
    }

    /** Every declared Micrometer name with how it is declared. */
    Map<String, Set<Kind>> meters() {
        return meters;
    }

    /** The meter a Prometheus series name is exported from, if one is declared that exports it. */
    Optional<Match> resolve(String prometheusName) {
        for (Map.Entry<String, Set<Kind>> meter : meters.entrySet()) {
            if (!prometheusName.startsWith(prometheusBase(meter.getKey()))) {
                continue;
            }
            for (Kind kind : meter.getValue()) {
                if (kind.exportedNames(meter.getKey()).contains(prometheusName)) {
                    return Optional.of(new Match(meter.getKey(), kind));
                }
            }
        }
        return Optional.empty();
    }

    /** Why a Prometheus name does not resolve: the meters it starts like and what they export, or that there is none. */
    String explain(String prometheusName) {
        List<String> near = meters.entrySet().stream()
                .filter(meter -> prometheusName.startsWith(prometheusBase(meter.getKey())))
                .map(meter -> meter.getKey() + " is a "
                        + meter.getValue().stream().map(Kind::toString).collect(Collectors.joining("/"))
                        + " exported as "
                        + meter.getValue().stream()
                                .flatMap(kind -> kind.exportedNames(meter.getKey()).stream())
                                .distinct()
                                .collect(Collectors.joining(", ")))
                .toList();
        return near.isEmpty()
                ? "no Micrometer meter in */src/main/java is named like it (expected " + expectedMeter(prometheusName)
                        + ")"
                : String.join("; ", near);
    }

    /** The meter a Prometheus name would come from: {@code mesh_a_b_total} from the counter "mesh.a.b". */
    static String expectedMeter(String prometheusName) {
        Map<String, String> suffixes = new java.util.LinkedHashMap<>();
        suffixes.put("_seconds_bucket", "timer");
        suffixes.put("_seconds_count", "timer");
        suffixes.put("_seconds_sum", "timer");
        suffixes.put("_seconds_max", "timer");
        suffixes.put("_total", "counter");
        suffixes.put("_bucket", "summary");
        for (Map.Entry<String, String> suffix : suffixes.entrySet()) {
            if (prometheusName.endsWith(suffix.getKey())) {
                String base = prometheusName.substring(
                        0, prometheusName.length() - suffix.getKey().length());
                return "a " + suffix.getValue() + " \"" + base.replace('_', '.') + "\"";
            }
        }
        return "a gauge \"" + prometheusName.replace('_', '.') + "\"";
    }

    /** The Micrometer name as Prometheus writes it before unit and suffix: dots and dashes become underscores. */
    static String prometheusBase(String micrometerName) {
        return micrometerName.replace('.', '_').replace('-', '_');
    }
}

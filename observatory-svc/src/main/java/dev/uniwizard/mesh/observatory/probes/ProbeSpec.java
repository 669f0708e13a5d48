package dev.uniwizard.mesh.observatory.probes;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.observatory.checks.Level;
import dev.uniwizard.mesh.observatory.checks.Thresholds;
import dev.uniwizard.mesh.observatory.config.ProbesConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One validated HTTP probe of {@code observatory.probes.<name>.*}.
 *
 * @param url the URL to GET
 * @param shown the URL without credentials, for messages
 * @param latency in milliseconds: the probe's own thresholds or the {@code observatory.checks.probe-latency-*} ones
 */
public record ProbeSpec(String name, URI url, String shown, int expectStatus, Duration timeout, Level latency) {

    /**
     * Every configured probe, sorted by name.
     *
     * @throws IllegalArgumentException naming the key of the first bad value
     */
    public static List<ProbeSpec> all(ProbesConfig config, Thresholds thresholds, Duration collectorTimeout) {
        List<ProbeSpec> specs = new ArrayList<>();
        for (Map.Entry<String, ProbesConfig.Probe> entry : new TreeMap<>(config.probes()).entrySet()) {
            specs.add(of(entry.getKey(), entry.getValue(), thresholds.probeLatency(), collectorTimeout));
        }
        return List.copyOf(specs);
    }

    static ProbeSpec of(String name, ProbesConfig.Probe probe, Level defaults, Duration collectorTimeout) {
        String key = "observatory.probes." + name;
        if (!Subjects.isToken(name)) {
            throw new IllegalArgumentException(
                    key + ": a probe name must be 1-64 lower-case letters, digits, '_' or '-' (it becomes probe:" + name
                            + ")");
        }
        URI url = url(key, probe.url());
        if (probe.expectStatus() < 100 || probe.expectStatus() > 599) {
            throw new IllegalArgumentException(
                    key + ".expect-status must be an HTTP status (100-599), was " + probe.expectStatus());
        }
        if (probe.timeout().toMillis() < 1) {
            throw new IllegalArgumentException(key + ".timeout must be positive, was " + probe.timeout());
        }
        if (probe.timeout().compareTo(collectorTimeout) >= 0) {
            throw new IllegalArgumentException(key + ".timeout (" + probe.timeout()
                    + ") must be shorter than observatory.checks.timeout (" + collectorTimeout + ")");
        }
        Level latency = new Level(
                key + ".latency",
                probe.latencyWarn()
                        .map(Duration::toMillis)
                        .map(Long::doubleValue)
                        .orElse(defaults.warn()),
                probe.latencyCritical()
                        .map(Duration::toMillis)
                        .map(Long::doubleValue)
                        .orElse(defaults.critical()));
        return new ProbeSpec(name, url, shown(url), probe.expectStatus(), probe.timeout(), latency);
    }

    private static URI url(String key, String value) {
        URI url;
        try {
            url = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".url '" + value + "' is not a URL: " + e.getMessage(), e);
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException(key + ".url '" + shown(url)
                    + "' must be an absolute http(s) URL, e.g. https://gitea.example/api/healthz");
        }
        return url;
    }

    /** The URL without user info (credentials never go into check messages). */
    private static String shown(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}

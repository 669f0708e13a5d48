package dev.uniwizard.mesh.cli.http;

import java.time.Duration;
import java.util.Map;

/**
 * The observatory's HTTP API: the mesh's health, its checks, state history, SLOs, the daily digest and per-house
 * stats. An unreachable observatory, a timeout or a bad URL become a {@link dev.uniwizard.mesh.cli.CliError} with
 * exit code 2; answers of any status are returned for the command to explain.
 */
public final class ObservatoryClient implements AutoCloseable {

    public static final String DEFAULT_URL = "http://127.0.0.1:8084";
    public static final String MESH_HEALTH_PATH = "/api/v1/health/mesh";
    public static final String CHECKS_PATH = "/api/v1/checks";
    public static final String HISTORY_PATH = "/api/v1/history";
    public static final String SLO_PATH = "/api/v1/slo";
    public static final String DIGEST_PATH = "/api/v1/digest";
    public static final String DIGEST_SEND_PATH = DIGEST_PATH + "/send";
    public static final String STATS_PATH = "/api/v1/stats";

    private final MeshHttp http;

    public ObservatoryClient(String url, Duration timeout) {
        this.http = new MeshHttp("observatory", url, timeout);
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    /** {@code GET /api/v1/health/mesh}. */
    public HttpResult meshHealth() {
        return http.get(MESH_HEALTH_PATH);
    }

    /** {@code GET /api/v1/checks}: every check's latest result. */
    public HttpResult checks() {
        return http.get(CHECKS_PATH);
    }

    /** {@code GET /api/v1/history?limit=<n>}: the last n state changes and notifications. */
    public HttpResult history(int limit) {
        return http.get(HISTORY_PATH + Urls.query().add("limit", limit));
    }

    /** {@code GET /api/v1/slo?window=<window>}; the observatory's default window when null. */
    public HttpResult slo(String window) {
        return http.get(SLO_PATH + Urls.query().add("window", window));
    }

    /** {@code GET /api/v1/digest}: the digest of the last 24 hours. */
    public HttpResult digest() {
        return http.get(DIGEST_PATH);
    }

    /** {@code POST /api/v1/digest/send}: sends the digest now. */
    public HttpResult sendDigest() {
        return http.post(DIGEST_SEND_PATH, Map.of());
    }

    /** {@code GET /api/v1/stats?house=&since=}; a null parameter is left out (all houses, the default period). */
    public HttpResult stats(String house, String since) {
        return http.get(STATS_PATH + Urls.query().add("house", house).add("since", since));
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.uniwizard.mesh.cli.http;

import java.time.Duration;

/** The observatory's HTTP API: the aggregated health of the mesh. */
public final class ObservatoryClient implements AutoCloseable {

    public static final String DEFAULT_URL = "http://127.0.0.1:8084";
    public static final String MESH_HEALTH_PATH = "/api/v1/health/mesh";

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

    @Override
    public void close() {
        http.close();
    }
}

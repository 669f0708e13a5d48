package dev.uniwizard.mesh.observatory.probes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.core.observatory.CheckKinds;
import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.observatory.checks.Check;
import dev.uniwizard.mesh.observatory.checks.Level;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The NATS server, through its HTTP monitoring endpoint ({@code observatory.nats.monitor-url}):
 *
 * <ul>
 *   <li>{@code nats:server}: ok when {@code /healthz} says ok, critical when not; value: client connections; the
 *       message has the version, memory and slow consumers from {@code /varz}.
 *   <li>{@code jetstream:server}: JetStream file storage in use against the server's limit ({@code /jsz}), against
 *       the jetstream thresholds; critical when JetStream is disabled.
 * </ul>
 *
 * When the endpoint cannot be reached both are {@code error}, saying how to enable monitoring.
 */
public final class NatsMonitorCheck implements Check {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final Duration timeout;
    private final Level jetstream;

    public NatsMonitorCheck(HttpClient http, URI base, Duration timeout, Level jetstream) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
        this.jetstream = jetstream;
    }

    /** The monitoring URL as configured: an absolute http(s) URL. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "observatory.nats.monitor-url '" + url + "' is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("observatory.nats.monitor-url '" + url
                    + "' must be an http(s) URL such as http://127.0.0.1:8222 (empty disables the NATS checks)");
        }
        return uri;
    }

    @Override
    public String kind() {
        return CheckKinds.NATS;
    }

    @Override
    public String target() {
        return "server";
    }

    @Override
    public List<CheckResult> run(Instant at) throws InterruptedException {
        Answer health;
        try {
            health = get("/healthz");
        } catch (IOException e) {
            String message = "the NATS monitoring endpoint " + base + " could not be reached ("
                    + Describe.failure(e) + "): start nats-server with -m 8222 (or http_port: 8222 in its"
                    + " configuration) and point observatory.nats.monitor-url at it; empty disables these checks";
            return List.of(
                    failed(message, at),
                    CheckResult.of(
                            CheckKinds.JETSTREAM,
                            "server",
                            CheckState.ERROR,
                            null,
                            null,
                            "JetStream storage was not checked: " + message,
                            at));
        }
        return List.of(server(health, at), jetstream(at));
    }

    private CheckResult server(Answer health, Instant at) throws InterruptedException {
        boolean healthy = health.status() == 200
                && "ok".equals(health.json().path("status").asText());
        StringBuilder message = new StringBuilder("NATS");
        Double connections = null;
        try {
            Answer varz = get("/varz");
            if (varz.status() == 200) {
                JsonNode json = varz.json();
                connections = json.path("connections").asDouble();
                message.append(' ')
                        .append(json.path("version").asText("?"))
                        .append(healthy ? " is healthy: " : " is not healthy: ")
                        .append(json.path("connections").asLong())
                        .append(" connection(s), ")
                        .append(Describe.bytes(json.path("mem").asDouble()))
                        .append(" memory, ")
                        .append(json.path("slow_consumers").asLong())
                        .append(" slow consumer(s) since start");
            } else {
                message.append(healthy ? " is healthy" : " is not healthy")
                        .append(" (/varz answered ")
                        .append(varz.status())
                        .append(')');
            }
        } catch (IOException e) {
            message.append(healthy ? " is healthy" : " is not healthy")
                    .append(" (/varz failed: ")
                    .append(Describe.failure(e))
                    .append(')');
        }
        if (!healthy) {
            String error = health.json().path("error").asText("");
            message.append("; /healthz answered ").append(health.status()).append(error.isEmpty() ? "" : ": " + error);
        }
        return CheckResult.of(
                CheckKinds.NATS,
                "server",
                healthy ? CheckState.OK : CheckState.CRITICAL,
                connections,
                null,
                message.toString(),
                at);
    }

    private CheckResult jetstream(Instant at) throws InterruptedException {
        Answer jsz;
        try {
            jsz = get("/jsz");
        } catch (IOException e) {
            return jetstreamResult(CheckState.ERROR, null, "/jsz of " + base + " failed: " + Describe.failure(e), at);
        }
        if (jsz.status() != 200) {
            return jetstreamResult(CheckState.ERROR, null, "/jsz of " + base + " answered " + jsz.status(), at);
        }
        JsonNode json = jsz.json();
        if (json.path("disabled").asBoolean(false)) {
            return jetstreamResult(
                    CheckState.CRITICAL,
                    null,
                    "JetStream is disabled on the NATS server; the mesh needs it (start nats-server with -js)",
                    at);
        }
        double limit = json.path("config").path("max_storage").asDouble();
        double used = json.path("storage").asDouble();
        double reserved = json.path("reserved_storage").asDouble();
        if (!(limit > 0)) {
            return jetstreamResult(
                    CheckState.ERROR, null, "JetStream reports no file storage limit (config.max_storage)", at);
        }
        double ratio = used / limit;
        return jetstreamResult(
                jetstream.judge(ratio),
                ratio,
                "JetStream uses " + Describe.bytes(used) + " of its " + Describe.bytes(limit) + " file storage ("
                        + Describe.percent(ratio) + "; " + Describe.bytes(reserved) + " reserved by streams; warn at "
                        + Describe.percent(jetstream.warn()) + ", critical at " + Describe.percent(jetstream.critical())
                        + ")",
                at);
    }

    private static CheckResult jetstreamResult(CheckState state, Double ratio, String message, Instant at) {
        return CheckResult.of(
                CheckKinds.JETSTREAM, "server", state, ratio, ratio == null ? null : "ratio", message, at);
    }

    private record Answer(int status, JsonNode json) {}

    private Answer get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(timeout)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.missingNode();
        }
        return new Answer(response.statusCode(), json == null ? JSON.missingNode() : json);
    }
}

package dev.uniwizard.mesh.house.tools.system;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.net.HostAllowList;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Probes a service over HTTP: one GET to an allowed host ({@code house.http.allowed-hosts}), reporting status,
 * latency and the start of the body. A service that is down is the check's answer (a failure saying DOWN), not a
 * crash, and is never retried.
 */
@Singleton
public class HealthCheckTool implements Tool {

    public static final String NAME = "health_check";

    private static final int BODY_PREVIEW_CHARS = 200;
    private static final int BODY_READ_BYTES = 4096;

    private final HostAllowList allowedHosts;
    private final Duration httpTimeout;
    private final HttpClient client;

    @Inject
    public HealthCheckTool(HouseConfig config) {
        this(new HostAllowList(config.http().allowedHosts()), config.http().timeout());
    }

    public HealthCheckTool(HostAllowList allowedHosts, Duration httpTimeout) {
        this.allowedHosts = allowedHosts;
        this.httpTimeout = httpTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(httpTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checks that a service answers an HTTP GET with the expected status; reports UP or DOWN with status,"
                + " latency and the start of the body.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("url", "the http:// or https:// URL to probe; its host must be allowed"),
                ToolParameter.optional(
                        "expect_status", ParamType.INTEGER, "the HTTP status that means healthy, 200 when omitted"));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    /** The URL's host, so rules like {@code health_check(*.example.org)} can be written. */
    @Override
    public Optional<String> target(ToolCall call) {
        return call.argument("url").map(url -> HostAllowList.hostOf(url).orElse(url.strip()));
    }

    @Override
    public Duration timeout() {
        return httpTimeout.multipliedBy(2).plusSeconds(5);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String url = call.required("url").strip();
        long expected = call.integer("expect_status", 200);
        if (expected < 100 || expected > 599) {
            return ToolResult.failure("health_check: expect_status must be an HTTP status (100-599), got " + expected);
        }
        Optional<URI> parsed = parse(url);
        if (parsed.isEmpty()) {
            return ToolResult.failure(
                    "health_check: '" + url + "' is not an absolute http:// or https:// URL with a" + " host");
        }
        URI uri = parsed.get();
        if (!allowedHosts.allows(uri.getHost())) {
            return ToolResult.failure("health_check: host '" + uri.getHost() + "' is not in house.http.allowed-hosts ("
                    + allowedHosts.describe() + "); nothing was sent");
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(httpTimeout).GET().build();
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readNBytes(BODY_READ_BYTES), StandardCharsets.UTF_8);
            }
            long latency = millisSince(started);
            String text = "status " + response.statusCode() + " (expected " + expected + "), latency " + latency
                    + " ms, body: " + preview(body);
            return response.statusCode() == expected
                    ? ToolResult.ok("UP " + url + ": " + text)
                    : ToolResult.failure("DOWN " + url + ": " + text);
        } catch (ConnectException e) {
            return down(url, started, "connection refused" + detail(e));
        } catch (HttpConnectTimeoutException e) {
            return down(url, started, "no connection within " + httpTimeout.toMillis() + " ms");
        } catch (HttpTimeoutException e) {
            return down(url, started, "no answer within " + httpTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return down(url, started, e.getClass().getSimpleName() + detail(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.failure("health_check: interrupted while probing " + url);
        }
    }

    private static ToolResult down(String url, long started, String why) {
        return ToolResult.failure("DOWN " + url + ": " + why + " after " + millisSince(started) + " ms");
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(uri);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String preview(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        if (flat.isEmpty()) {
            return "(empty)";
        }
        return flat.length() <= BODY_PREVIEW_CHARS ? flat : flat.substring(0, BODY_PREVIEW_CHARS) + "...";
    }

    private static String detail(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

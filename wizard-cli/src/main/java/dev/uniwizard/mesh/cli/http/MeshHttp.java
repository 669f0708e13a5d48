package dev.uniwizard.mesh.cli.http;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.text.Json;
import java.io.IOException;
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
import java.util.Map;

/**
 * JSON over HTTP to one mesh service (gateway, observatory, Timmy, memory), with errors the user can act on: an unreachable service,
 * a timeout or a bad URL become a {@link CliError} with exit code 2.
 */
public final class MeshHttp implements AutoCloseable {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String service;
    private final URI base;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param service what the URL points at, for messages ("gateway")
     * @param url base URL, e.g. {@code http://127.0.0.1:8080}
     */
    public MeshHttp(String service, String url, Duration timeout) {
        this.service = service;
        this.base = baseUri(service, url);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The base URL without a trailing slash, as shown in messages. */
    public String baseUrl() {
        return base.toString();
    }

    public HttpResult get(String path) {
        return get(path, Map.of());
    }

    /** A GET with extra headers (e.g. {@code Authorization}). */
    public HttpResult get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path);
        headers.forEach(request::header);
        return exchange(request.GET().build());
    }

    /** A POST of {@code body} (a mesh-core record or a JSON tree) as JSON, null fields left out. */
    public HttpResult post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** A JSON POST with extra headers (e.g. {@code X-Operator}). */
    public HttpResult post(String path, Object body, Map<String, String> headers) {
        String json = Json.write(body);
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return exchange(request.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "wizard-cli");
    }

    private HttpResult exchange(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpResult(response.statusCode(), response.body());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliError(
                    ExitCodes.USAGE_OR_REQUEST,
                    service + " not reachable at " + base + ": is the mesh running? try ./mesh up",
                    e);
        } catch (HttpTimeoutException e) {
            throw new CliError(
                    ExitCodes.USAGE_OR_REQUEST,
                    service + " at " + base + " did not answer within " + timeout.toSeconds()
                            + " s (use --timeout to wait longer)",
                    e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliError(
                    ExitCodes.USAGE_OR_REQUEST, request.method() + " " + request.uri() + " failed: " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliError(ExitCodes.FAILURE, "interrupted while waiting for the " + service, e);
        }
    }

    static URI baseUri(String service, String url) {
        String text = url == null ? "" : url.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "expected http://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliError.usage(service + " URL '" + url + "' is not valid: expected e.g. http://127.0.0.1:8080");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

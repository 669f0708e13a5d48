package dev.uniwizard.mesh.house.tools.net;

import dev.uniwizard.mesh.core.http.IoFailures;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HttpToolConfig;
import dev.uniwizard.mesh.house.tools.ParamType;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches a URL with GET from a host on {@code house.http.allowed-hosts}. Hosts not on the list are refused before
 * anything is sent, redirects are reported rather than followed, and the body is cut at
 * {@code house.http.max-body-bytes}.
 */
@Singleton
public class HttpGetTool implements Tool {

    public static final String NAME = "http_get";

    private final HostAllowList allowList;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final HttpClient client;

    @Inject
    public HttpGetTool(HouseConfig config) {
        this(config.http());
    }

    public HttpGetTool(HttpToolConfig config) {
        this.allowList = new HostAllowList(config.allowedHosts());
        this.timeout = config.timeout();
        this.maxBodyBytes = config.maxBodyBytes();
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fetches an http or https URL with GET and returns the status, content type and body; only hosts on"
                + " the house's allow list, redirects are reported, not followed.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(
                ToolParameter.required("url", "the http:// or https:// URL to fetch"),
                ToolParameter.optional(
                        "max_bytes",
                        ParamType.INTEGER,
                        "return at most this many bytes of the body; default and upper bound " + maxBodyBytes));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public Optional<String> target(ToolCall call) {
        return call.argument("url").flatMap(HostAllowList::hostOf);
    }

    @Override
    public Duration timeout() {
        return timeout.plusSeconds(5);
    }

    @Override
    public ToolResult execute(ToolCall call) {
        String url = call.required("url");
        long maxBytes = call.integer("max_bytes", maxBodyBytes);
        if (maxBytes < 1) {
            return ToolResult.failure(NAME + ": max_bytes must be at least 1, got " + maxBytes);
        }
        int limit = (int) Math.min(maxBytes, maxBodyBytes);
        URI uri;
        try {
            uri = allowList.check(url);
        } catch (HostNotAllowedException e) {
            return ToolResult.failure(NAME + ": " + e.getMessage());
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(timeout)
                    .header("Accept", "*/*")
                    .header("User-Agent", "uni-wizard-house")
                    .build();
        } catch (IllegalArgumentException e) {
            return ToolResult.failure(NAME + ": cannot request '" + url + "': " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(limit + 1);
            }
            return answer(uri, response, body, limit);
        } catch (IOException e) {
            Optional<TransientToolException> retry = HttpErrors.transientFor(NAME + " " + uri, e);
            if (retry.isPresent()) {
                throw retry.get();
            }
            return ToolResult.failure(NAME + ": " + uri + " failed: " + IoFailures.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.failure(NAME + ": interrupted while fetching " + uri);
        }
    }

    private ToolResult answer(URI uri, HttpResponse<InputStream> response, byte[] body, int limit) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (HttpErrors.retryableStatus(status)) {
            throw new TransientToolException(NAME + " " + uri + ": HTTP " + status + " " + excerpt(body, contentType));
        }
        StringBuilder text = new StringBuilder("HTTP ").append(status).append('\n');
        text.append("content-type: ")
                .append(contentType.isEmpty() ? "(none)" : contentType)
                .append('\n');
        if (status >= 300 && status < 400) {
            Optional<String> location = response.headers().firstValue("Location");
            text.append("location: ").append(location.orElse("(none)")).append('\n');
            text.append("(redirect not followed")
                    .append(location.map(l -> redirectAdvice(uri, l)).orElse(""));
            text.append(")");
            return ToolResult.ok(text.toString());
        }
        text.append('\n').append(bodyText(body, limit, contentType));
        return status < 400 ? ToolResult.ok(text.toString()) : ToolResult.failure(text.toString());
    }

    private String redirectAdvice(URI from, String location) {
        try {
            URI target = from.resolve(location);
            allowList.check(target.toString());
            return ": call http_get with " + target + " to follow it";
        } catch (IllegalArgumentException | HostNotAllowedException e) {
            return ": its host is not on house.http.allowed-hosts";
        }
    }

    private static String bodyText(byte[] body, int limit, String contentType) {
        boolean cut = body.length > limit;
        int length = Math.min(body.length, limit);
        if (!textual(contentType)) {
            return "[binary body of " + (cut ? "more than " : "") + length + " bytes not shown]";
        }
        String text = new String(body, 0, length, charset(contentType));
        return cut ? text + "\n[body cut at " + limit + " bytes]" : text;
    }

    private static String excerpt(byte[] body, String contentType) {
        if (!textual(contentType) || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), charset(contentType)).strip();
        return text.isEmpty() ? "" : "(" + text + ")";
    }

    static boolean textual(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.isEmpty()
                || type.startsWith("text/")
                || type.endsWith("+json")
                || type.endsWith("+xml")
                || type.equals("application/json")
                || type.equals("application/xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/yaml")
                || type.equals("application/x-yaml");
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String trimmed = part.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name =
                        trimmed.substring("charset=".length()).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}

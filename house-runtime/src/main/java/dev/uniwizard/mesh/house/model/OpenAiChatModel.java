package dev.uniwizard.mesh.house.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.ModelConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The house's model: an OpenAI-compatible chat-completions endpoint ({@code house.model.*}) over the JDK HTTP client,
 * with retries on 429, 5xx, refused connections and timeouts. The configuration is checked when a completion is asked
 * for, not at start-up, so houses that never ask (SIMPLE mode) start without a model.
 */
@Singleton
public class OpenAiChatModel implements ChatModel {

    private static final Logger LOG = Logger.getLogger(OpenAiChatModel.class);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ModelConfig config;
    private final Supplier<Optional<String>> apiKey;
    private final ChatCompletionsWire wire = new ChatCompletionsWire(new ObjectMapper());
    private final HttpClient http;

    @Inject
    public OpenAiChatModel(HouseConfig config) {
        this(config.model());
    }

    /** A model configured by {@code config}, its API key read from the environment variable it names. */
    public OpenAiChatModel(ModelConfig config) {
        this(config, () -> Optional.ofNullable(System.getenv(config.apiKeyEnv())));
    }

    /** For tests: the API key comes from {@code apiKey} instead of the environment. */
    OpenAiChatModel(ModelConfig config, Supplier<Optional<String>> apiKey) {
        this.config = config;
        this.apiKey = apiKey;
        Duration timeout = positive(config.timeout(), Duration.ofSeconds(120));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String describe() {
        return config.name().filter(n -> !n.isBlank()).orElse("(no house.model.name)") + " at "
                + config.baseUrl().filter(u -> !u.isBlank()).orElse("(no house.model.base-url)");
    }

    @Override
    public ChatCompletion complete(ChatRequest request) throws ModelException {
        URI endpoint = endpoint();
        String model = config.name().orElseThrow().strip();
        byte[] body = wire.requestBody(model, request, config.temperature(), config.maxTokens());
        HttpRequest httpRequest = httpRequest(endpoint, body);
        int attempts = Math.max(1, config.maxAttempts());
        LOG.debugf(
                "asking %s: %d messages, %d tools",
                describe(), request.messages().size(), request.tools().size());
        for (int attempt = 1; ; attempt++) {
            try {
                return once(httpRequest, endpoint);
            } catch (RetryableFailure failure) {
                if (attempt >= attempts) {
                    throw failure.giveUp(endpoint, attempts);
                }
                int failed = attempt;
                Duration wait =
                        failure.requestedWait.orElseGet(() -> RetryDelay.backoff(config.retryBackoff(), failed));
                LOG.warnf(
                        "model %s: %s (attempt %d of %d); trying again in %d ms",
                        describe(), failure.getMessage(), attempt, attempts, wait.toMillis());
                pause(wait, endpoint);
            }
        }
    }

    private ChatCompletion once(HttpRequest request, URI endpoint) throws ModelException, RetryableFailure {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new RetryableFailure(
                    ModelException.Kind.UNREACHABLE,
                    "no connection within " + http.connectTimeout().orElseThrow(),
                    e);
        } catch (HttpTimeoutException e) {
            throw new RetryableFailure(
                    ModelException.Kind.TIMEOUT, "no answer within " + config.timeout() + " (house.model.timeout)", e);
        } catch (IOException e) {
            throw new RetryableFailure(ModelException.Kind.UNREACHABLE, "could not connect: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(
                    ModelException.Kind.TIMEOUT, "interrupted while waiting for the model endpoint " + endpoint, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return wire.completion(response.body(), endpoint.toString());
        }
        String message = scrub(wire.errorMessage(response.body()));
        if (status == 429) {
            throw new RetryableFailure(
                    ModelException.Kind.RATE_LIMITED,
                    "HTTP 429 Too Many Requests: " + message,
                    RetryDelay.requested(response.headers()));
        }
        if (status >= 500) {
            throw new RetryableFailure(
                    ModelException.Kind.SERVER_ERROR,
                    "HTTP " + status + ": " + message,
                    RetryDelay.requested(response.headers()));
        }
        throw new ModelException(
                ModelException.Kind.REJECTED,
                "the model endpoint " + endpoint + " refused the request with HTTP " + status + ": " + message
                        + hint(status),
                status);
    }

    private HttpRequest httpRequest(URI endpoint, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(positive(config.timeout(), Duration.ofSeconds(120)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        key().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder.build();
    }

    private URI endpoint() throws ModelException {
        Optional<String> base = config.baseUrl().map(String::strip).filter(u -> !u.isEmpty());
        boolean named = config.name().filter(n -> !n.isBlank()).isPresent();
        if (base.isEmpty() || !named) {
            List<String> missing = new ArrayList<>();
            if (base.isEmpty()) {
                missing.add("house.model.base-url (e.g. http://127.0.0.1:11434/v1)");
            }
            if (!named) {
                missing.add("house.model.name (e.g. qwen2.5:7b)");
            }
            throw new ModelException(
                    ModelException.Kind.NOT_CONFIGURED, "no model is configured: set " + String.join(" and ", missing));
        }
        String url = base.get().replaceAll("/+$", "") + "/chat/completions";
        try {
            URI uri = URI.create(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ModelException(
                    ModelException.Kind.NOT_CONFIGURED,
                    "house.model.base-url '" + base.get() + "' is not a usable http(s) URL: " + e.getMessage(),
                    e);
        }
    }

    private Optional<String> key() {
        return apiKey.get().map(String::strip).filter(k -> !k.isEmpty());
    }

    /** Never let the key reach a message or a log, even if an endpoint echoes it. */
    private String scrub(String text) {
        Optional<String> key = key();
        return key.isPresent() && key.get().length() >= 4 ? text.replace(key.get(), "***") : text;
    }

    private String hint(int status) {
        return switch (status) {
            case 401, 403 ->
                " (check the API key in the environment variable " + config.apiKeyEnv()
                        + ", named by house.model.api-key-env)";
            case 404 -> " (check house.model.base-url and house.model.name)";
            default -> "";
        };
    }

    private static void pause(Duration wait, URI endpoint) throws ModelException {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(
                    ModelException.Kind.TIMEOUT,
                    "interrupted while waiting to try the model endpoint " + endpoint + " again",
                    e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    private static Duration positive(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }

    @PreDestroy
    void close() {
        http.shutdownNow();
    }

    /** A failure worth another attempt: 429, 5xx, no connection, no answer in time. */
    private static final class RetryableFailure extends Exception {

        private final ModelException.Kind kind;
        private final Optional<Duration> requestedWait;

        RetryableFailure(ModelException.Kind kind, String message, Optional<Duration> requestedWait) {
            super(message, null, false, false);
            this.kind = kind;
            this.requestedWait = requestedWait;
        }

        RetryableFailure(ModelException.Kind kind, String message, Throwable cause) {
            super(message, cause, false, false);
            this.kind = kind;
            this.requestedWait = Optional.empty();
        }

        ModelException giveUp(URI endpoint, int attempts) {
            String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
            return new ModelException(
                    kind,
                    "the model endpoint " + endpoint + " failed after " + tries + "; last: " + getMessage(),
                    getCause());
        }
    }
}

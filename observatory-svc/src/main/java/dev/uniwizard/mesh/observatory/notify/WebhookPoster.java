package dev.uniwizard.mesh.observatory.notify;

import dev.uniwizard.mesh.observatory.config.NotifyConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * POSTs JSON to a webhook with a timeout; network failures, timeouts, 429 and 5xx answers are tried again after a
 * growing wait ({@code observatory.notify.webhook.*}), other answers are final. A 2xx answer is a delivery.
 */
@Singleton
public class WebhookPoster {

    private static final Logger LOG = Logger.getLogger(WebhookPoster.class);
    private static final int MAX_ERROR_BODY = 200;

    private final NotifyConfig.Webhook config;
    private final HttpClient client;

    public WebhookPoster(NotifyConfig config) {
        this.config = config.webhook();
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Posts {@code json}; never throws. {@code kind} is sent as {@code X-Mesh-Notification} (alert, digest). */
    public Delivery post(WebhookChannel webhook, String json, String kind) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook.uri())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "uniwizard-observatory")
                .header("X-Mesh-Notification", kind)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (webhook.authorization() != null) {
            request.header("Authorization", webhook.authorization());
        }
        Duration wait = config.backoff();
        String error = null;
        int made = 0;
        for (int attempt = 1; attempt <= config.attempts(); attempt++) {
            made = attempt;
            Attempt outcome = attempt(request.build());
            if (outcome.delivered()) {
                return Delivery.ok();
            }
            error = outcome.error();
            if (!outcome.retry() || attempt == config.attempts()) {
                break;
            }
            LOG.debugf("webhook %s attempt %d failed (%s); next in %s", webhook.destination(), attempt, error, wait);
            if (!pause(wait)) {
                error += " (interrupted)";
                break;
            }
            wait = wait.multipliedBy(2);
        }
        return Delivery.failed(made > 1 ? error + " (" + made + " attempts)" : error);
    }

    private Attempt attempt(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Attempt(true, false, null);
            }
            String body = response.body() == null ? "" : response.body().strip();
            if (body.length() > MAX_ERROR_BODY) {
                body = body.substring(0, MAX_ERROR_BODY) + "…";
            }
            return new Attempt(
                    false, status == 429 || status >= 500, "HTTP " + status + (body.isEmpty() ? "" : ": " + body));
        } catch (HttpTimeoutException e) {
            return new Attempt(
                    false, true, "no answer within " + config.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Attempt(false, true, "request failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, false, "interrupted");
        }
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Attempt(boolean delivered, boolean retry, String error) {}
}

package dev.uniwizard.mesh.gateway.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Polling mode ({@code gateway.telegram.mode=polling}): one virtual thread long-polls getUpdates with
 * {@code gateway.telegram.poll-timeout} and hands each update to {@link TelegramInbound}. The offset moves past an
 * update only once it was published, refused or deliberately ignored, so an update the mesh could not take (NATS
 * down) is fetched again; repeats are recognised by update_id. API and network failures are logged, counted in
 * {@code mesh.gateway.telegram.poll.errors{reason}} and retried after a growing pause (1 s to 60 s, or Telegram's
 * retry_after). Telegram lets one consumer poll a bot: a second replica (or an active webhook) makes it answer 409,
 * which is logged as such. Stops when the gateway stops.
 */
@Singleton
public class TelegramPoller {

    private static final Logger LOG = Logger.getLogger(TelegramPoller.class);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final TelegramSettings settings;
    private final TelegramBotApi api;
    private final TelegramInbound inbound;
    private final MeterRegistry registry;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long offset;

    public TelegramPoller(
            StreamProvisioning provisioned,
            TelegramSetup setup,
            TelegramBotApi api,
            TelegramInbound inbound,
            MeterRegistry registry) {
        this.settings = setup.settings();
        this.api = api;
        this.inbound = inbound;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (settings.mode() != TelegramMode.POLLING) {
            return;
        }
        running = true;
        thread = Thread.ofVirtual().name("telegram-poller").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread current = thread;
        if (current == null) {
            return;
        }
        current.interrupt();
        try {
            if (!current.join(Duration.ofSeconds(5))) {
                LOG.warn("the Telegram poller did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next getUpdates offset: one past the last update handled. */
    public long offset() {
        return offset;
    }

    private void run() {
        LOG.infof("polling Telegram getUpdates (timeout %s)", settings.pollTimeout());
        Duration pause = FIRST_PAUSE;
        while (running) {
            try {
                List<JsonNode> updates = api.getUpdates(offset, settings.pollTimeout());
                for (JsonNode update : updates) {
                    if (!running) {
                        break;
                    }
                    take(update);
                }
                pause = FIRST_PAUSE;
                continue;
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
                continue;
            } catch (TelegramApiException e) {
                pause = onApiError(e, pause);
            } catch (IOException e) {
                error("network");
                LOG.warnf("Telegram getUpdates failed: %s; trying again in %d s", e.toString(), pause.toSeconds());
            } catch (RuntimeException e) {
                error("publish_failed");
                LOG.warnf(
                        "a Telegram update could not be handed to the mesh (%s); it is fetched again in %d s",
                        e.toString(), pause.toSeconds());
            }
            if (!pause(pause)) {
                break;
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
        LOG.info("stopped polling Telegram");
    }

    /** Handles one update and moves the offset past it; throws (offset unchanged) when the mesh cannot take it. */
    private void take(JsonNode update) {
        long id = update.path("update_id").asLong(-1);
        try {
            inbound.handle(update, "polling");
        } catch (MalformedUpdateException e) {
            error("malformed_update");
            LOG.warnf("skipping a malformed Telegram update: %s", e.getMessage());
        }
        if (id >= offset) {
            offset = id + 1;
        }
    }

    private Duration onApiError(TelegramApiException e, Duration pause) {
        if (e.isConflict()) {
            error("conflict");
            LOG.errorf(
                    "Telegram getUpdates answered 409 Conflict (%s): another process is polling with this bot token"
                            + " (only ONE gateway replica may run with gateway.telegram.mode=polling), or a webhook is"
                            + " set for the bot (remove it with deleteWebhook, or use webhook mode); trying again in"
                            + " %d s",
                    e.description(), pause.toSeconds());
            return pause;
        }
        if (e.isRateLimit()) {
            error("rate_limited");
            Duration wait = e.retryAfter().orElse(pause);
            LOG.warnf("Telegram getUpdates is rate limited; trying again in %d s", wait.toSeconds());
            return wait;
        }
        if (e.errorCode() == 401 || e.errorCode() == 404) {
            error("unauthorized");
            LOG.errorf(
                    "Telegram refused the bot token (%d %s): check gateway.telegram.bot-token"
                            + " (env GATEWAY_TELEGRAM_BOT_TOKEN); trying again in %d s",
                    e.errorCode(), e.description(), pause.toSeconds());
            return pause;
        }
        error("api_error");
        LOG.warnf("Telegram %s; trying again in %d s", e.getMessage(), pause.toSeconds());
        return pause;
    }

    private boolean pause(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            return running;
        } catch (InterruptedException e) {
            return running;
        }
    }

    private void error(String reason) {
        registry.counter("mesh.gateway.telegram.poll.errors", "reason", reason).increment();
    }
}

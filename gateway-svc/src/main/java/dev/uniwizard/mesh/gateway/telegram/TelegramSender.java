package dev.uniwizard.mesh.gateway.telegram;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Every message the gateway sends on Telegram goes through here: sends to one chat queue up one after the other, each
 * waits for its turn in the {@link SendPacer} ({@code gateway.telegram.per-chat-per-second},
 * {@code overall-per-second}) while telling JetStream the work is still going on, then calls sendMessage. Nothing is
 * dropped for being too fast. Replies are sent in the caller's thread; refusals to unknown or rate-limited senders are
 * sent in the background ({@link #sendInBackground}) so a webhook is answered at once. Counted in
 * {@code mesh.gateway.telegram.sent{kind,outcome}}; time spent waiting in {@code mesh.gateway.telegram.pacing}.
 */
@Singleton
public class TelegramSender {

    private static final Logger LOG = Logger.getLogger(TelegramSender.class);
    static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(5);

    private final TelegramBotApi api;
    private final SendPacer pacer;
    private final MeterRegistry registry;
    private final Timer pacing;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("telegram-send-", 0).factory());

    public TelegramSender(TelegramSetup setup, TelegramBotApi api, MeterRegistry registry) {
        this.api = api;
        this.pacer = new SendPacer(
                setup.settings().perChatPerSecond(), setup.settings().overallPerSecond(), System::nanoTime);
        this.registry = registry;
        this.pacing = Timer.builder("mesh.gateway.telegram.pacing")
                .description("time a Telegram message waited for its turn under the rate limits")
                .register(registry);
    }

    /**
     * Waits for the turn of {@code message.chatId()}, then sends it; returns the new message id. Sends to one chat go
     * one after the other, in the order they asked (a fair lock per chat), and the chat's gap runs from the end of
     * the previous send.
     *
     * @param kind {@code reply} or {@code refusal}, for the metrics
     * @param keepAlive called every few seconds while waiting
     */
    public long send(TelegramOutgoing message, String kind, Runnable keepAlive)
            throws TelegramApiException, IOException, InterruptedException {
        String chat = message.chatId();
        Lane lane = lanes.compute(chat, (key, existing) -> (existing == null ? new Lane() : existing).join());
        try {
            while (!lane.lock.tryLock(KEEP_ALIVE_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                keepAlive.run();
            }
            try {
                awaitTurn(chat, keepAlive);
                return call(message, kind);
            } finally {
                pacer.finished(chat);
                lane.lock.unlock();
            }
        } finally {
            lanes.computeIfPresent(chat, (key, existing) -> existing.leave() ? null : existing);
        }
    }

    private long call(TelegramOutgoing message, String kind)
            throws TelegramApiException, IOException, InterruptedException {
        try {
            long id = api.sendMessage(message);
            count(kind, "sent");
            return id;
        } catch (TelegramApiException e) {
            if (e.isRateLimit()) {
                pacer.pauseChat(message.chatId(), e.retryAfter().orElse(Duration.ofSeconds(1)));
                count(kind, "rate_limited");
            } else {
                count(kind, e.isServerError() ? "failed" : "rejected");
            }
            throw e;
        } catch (IOException e) {
            count(kind, "failed");
            throw e;
        }
    }

    /** The queue of sends to one chat; removed when nobody uses it. Guarded by the map's compute. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;

        Lane join() {
            users++;
            return this;
        }

        /** True when the last user left. */
        boolean leave() {
            return --users == 0;
        }
    }

    /** Sends without waiting for the result (refusals); a failure is logged and counted, not retried. */
    public void sendInBackground(TelegramOutgoing message, String kind) {
        background.execute(() -> {
            try {
                send(message, kind, () -> {});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warnf("a Telegram %s to chat %s was not sent: the gateway is stopping", kind, message.chatId());
            } catch (Exception e) {
                LOG.warnf("could not send a Telegram %s to chat %s: %s", kind, message.chatId(), e.getMessage());
            }
        });
    }

    private void awaitTurn(String chat, Runnable keepAlive) throws InterruptedException {
        long wait = pacer.reserve(chat);
        pacing.record(wait, TimeUnit.NANOSECONDS);
        if (wait <= 0) {
            return;
        }
        if (wait > KEEP_ALIVE_EVERY.toNanos()) {
            LOG.debugf("Telegram chat %s: waiting %d ms for its turn under the rate limits", chat, wait / 1_000_000);
        }
        long deadline = System.nanoTime() + wait;
        long left = wait;
        while (left > 0) {
            long nap = Math.min(left, KEEP_ALIVE_EVERY.toNanos());
            TimeUnit.NANOSECONDS.sleep(nap);
            left = deadline - System.nanoTime();
            if (left > 0) {
                keepAlive.run();
            }
        }
    }

    private void count(String kind, String outcome) {
        registry.counter("mesh.gateway.telegram.sent", "kind", kind, "outcome", outcome)
                .increment();
    }

    @PreDestroy
    void stop() {
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.uniwizard.mesh.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gateway settings, under {@code gateway.*}. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** How long a message request waits for its reply before answering 202 (pending). */
    @WithDefault("30s")
    Duration replyTimeout();

    /** The longest wait a caller may ask for with {@code ?wait=<seconds>}. */
    @WithDefault("120s")
    Duration maxReplyTimeout();

    /** The longest message text accepted, in characters. */
    @WithDefault("16000")
    int maxTextLength();

    /** How many requests may wait for a reply at once; more are refused with 503. */
    @WithDefault("1000")
    int maxPendingReplies();

    /**
     * The operators, by name: {@code gateway.operators.<name>.house}, {@code .identities}, {@code .tokens}. A message
     * from a platform user who is not listed here is refused politely and reported as a security event.
     */
    Map<String, Operator> operators();

    /** The gateway's own JSON API ({@code /api/v1/*}). */
    Http http();

    /** Per-sender rate limit on inbound messages from every platform. */
    SenderRateLimit senderRateLimit();

    /** How long a platform delivery id (Slack event_id, Telegram update_id, Gitea delivery) is remembered. */
    @WithDefault("24h")
    Duration dedupeWindow();

    /** Delivery of replies to the platforms ({@code <root>.out.<platform>}). */
    Outbound outbound();

    TelegramConfig telegram();

    SlackConfig slack();

    DiscordConfig discord();

    GiteaWebhookConfig gitea();

    /** One operator: who they are on each platform, their own house, and their API tokens. */
    interface Operator {

        /** The operator's own house: messages that address no house go there. */
        String house();

        /**
         * Platform identities as {@code <platform>:<user id>}, e.g. {@code telegram:123456789}, {@code slack:U024BE7LH},
         * {@code discord:80351110224678912}, {@code gitea:alice}.
         */
        Optional<List<String>> identities();

        /**
         * Bearer tokens for the OpenAI-compatible API, each as {@code sha256:<64 hex digits>} (preferred: the SHA-256 of
         * the token) or as the token itself; give them through the environment, not in a committed file.
         */
        Optional<List<String>> tokens();
    }

    /** Authentication of the JSON API. */
    interface Http {

        /**
         * Whether {@code Authorization: Bearer <operator token>} is required; when false, a request without it is taken
         * as the operator its {@code X-Operator} header names (for local use).
         */
        @WithDefault("false")
        boolean requireToken();
    }

    /** resilience4j RateLimiter settings applied to each sender separately. */
    interface SenderRateLimit {

        /** Messages a sender may send per period. */
        @WithDefault("20")
        int limitForPeriod();

        @WithDefault("1m")
        Duration period();
    }

    /** Outbound delivery: retried with growing delays, then dead-lettered with an event. */
    interface Outbound {

        /** Delivery attempts before a reply is dead-lettered. */
        @WithDefault("12")
        int maxDeliver();

        /** How long one attempt may take (including waiting for a platform's rate limit) before redelivery. */
        @WithDefault("2m")
        Duration ackWait();

        /** Replies delivered at once per platform. */
        @WithDefault("4")
        int concurrency();

        /** Timeout of one HTTP call to a platform API. */
        @WithDefault("15s")
        Duration httpTimeout();
    }

    /** Telegram Bot API, under {@code gateway.telegram.*}. */
    interface TelegramConfig {

        /** {@code webhook} (Telegram calls {@code POST /webhooks/telegram}), {@code polling} (getUpdates), or {@code off}. */
        @WithDefault("off")
        String mode();

        /** The bot token from BotFather; give it as env GATEWAY_TELEGRAM_BOT_TOKEN. */
        Optional<String> botToken();

        /** The secret_token given to setWebhook; Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
        Optional<String> webhookSecret();

        /** The Bot API base URL; tests point it at a local fake. */
        @WithDefault("https://api.telegram.org")
        String apiUrl();

        /** getUpdates long-poll timeout (polling mode). */
        @WithDefault("25s")
        Duration pollTimeout();

        /** Messages per second to one chat (Telegram asks for about 1). */
        @WithDefault("1")
        double perChatPerSecond();

        /** Messages per second across all chats (Telegram allows about 30). */
        @WithDefault("30")
        double overallPerSecond();

        /**
         * The bot's username without {@code @} (e.g. {@code MeshBot}): Telegram appends {@code @<username>} to
         * commands in groups ({@code /ezra@MeshBot hi}); the gateway strips it from a leading command.
         */
        Optional<String> botUsername();
    }

    /** Slack Events API and Web API, under {@code gateway.slack.*}. */
    interface SlackConfig {

        @WithDefault("false")
        boolean enabled();

        /** The app's Signing Secret; give it as env GATEWAY_SLACK_SIGNING_SECRET. */
        Optional<String> signingSecret();

        /** The bot token (xoxb-...) for chat.postMessage; give it as env GATEWAY_SLACK_BOT_TOKEN. */
        Optional<String> botToken();

        /** The Web API base URL; tests point it at a local fake. */
        @WithDefault("https://slack.com/api")
        String apiUrl();

        /** Oldest request timestamp accepted, as Slack recommends. */
        @WithDefault("5m")
        Duration maxClockSkew();
    }

    /** Discord interactions, under {@code gateway.discord.*}. */
    interface DiscordConfig {

        @WithDefault("false")
        boolean enabled();

        /** The application's public key (64 hex digits) from the developer portal. */
        Optional<String> publicKey();

        /** The application id, for follow-up messages. */
        Optional<String> applicationId();

        /** The API base URL; tests point it at a local fake. */
        @WithDefault("https://discord.com/api/v10")
        String apiUrl();

        /** Oldest X-Signature-Timestamp accepted. */
        @WithDefault("5m")
        Duration maxClockSkew();
    }

    /** Gitea webhooks in and issue comments out, under {@code gateway.gitea.*}. */
    interface GiteaWebhookConfig {

        @WithDefault("false")
        boolean enabled();

        /** The webhook's secret; give it as env GATEWAY_GITEA_WEBHOOK_SECRET. */
        Optional<String> webhookSecret();

        /** Gitea's base URL (e.g. https://gitea.example.org), for posting replies as comments. */
        Optional<String> baseUrl();

        /** A token of the mesh's Gitea user, for posting replies; env GATEWAY_GITEA_TOKEN. */
        Optional<String> token();

        /** Largest webhook body accepted, in bytes. */
        @WithDefault("1048576")
        int maxBodyBytes();
    }
}

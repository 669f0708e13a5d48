package dev.uniwizard.mesh.memory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Memory settings, under {@code memory.*}. */
@ConfigMapping(prefix = "memory")
public interface MemoryConfig {

    /**
     * Largest text stored, in characters (a message, a project memory entry, a summary); longer requests are refused
     * with {@code too_large}.
     */
    @WithDefault("100000")
    int maxContentChars();

    /** Requests worked on at the same time; further requests wait in NATS' pending buffer. */
    @WithDefault("32")
    int maxInFlight();

    Search search();

    Markers markers();

    Chain chain();

    Historian historian();

    Retention retention();

    /** Full-text search. */
    interface Search {

        /** Longest query accepted, in characters. */
        @WithDefault("1000")
        int maxQueryChars();

        /** Hits answered when a request names no limit. */
        @WithDefault("20")
        int defaultLimit();

        /** Most hits one search answers. */
        @WithDefault("100")
        int maxLimit();
    }

    /** Memory markers for prompts. */
    interface Markers {

        /** Lines answered when a request names no limit. */
        @WithDefault("12")
        int defaultLimit();

        /** Longest marker line, in characters; longer content is cut at a word boundary with "...". */
        @WithDefault("240")
        int maxChars();
    }

    /** The tamper-evident chain. */
    interface Chain {

        /** How often the chain head is signed (only when it moved since the last checkpoint). */
        @WithDefault("5m")
        Duration checkpointEvery();

        /** Rows stored before the chain existed are linked at start in batches of this many. */
        @WithDefault("500")
        int backfillBatch();

        /**
         * How long an append waits for its message to be linked before it is answered anyway (the message is stored;
         * the next linking pass links it).
         */
        @WithDefault("10s")
        Duration linkWait();

        /**
         * Messages are linked in groups just after they are stored. A message still unlinked this long after it was
         * stored is reported by verify as a break.
         */
        @WithDefault("1m")
        Duration linkGrace();
    }

    /** The historian: summaries of conversations that ended or went idle. */
    interface Historian {

        /** Whether this node runs the historian (every node may; a conversation is summarized once). */
        @WithDefault("true")
        boolean enabled();

        /** How often it looks for conversations to summarize. */
        @WithDefault("5m")
        Duration every();

        /** A conversation is idle when it had no message for this long. */
        @WithDefault("2h")
        Duration idleAfter();

        /** Conversations with fewer new messages than this are left alone. */
        @WithDefault("4")
        int minMessages();

        /** Conversations summarized per run. */
        @WithDefault("20")
        int batch();

        /** Sentences kept by the extractive summary. */
        @WithDefault("5")
        int extractiveSentences();

        /**
         * Models that summarize the conversations of a house, by house name (an OpenAI-compatible chat-completions
         * endpoint each). A conversation whose house has none gets an extractive summary.
         */
        Map<String, SummaryModel> models();
    }

    /** An OpenAI-compatible chat-completions endpoint used for summaries. */
    interface SummaryModel {

        /** Base URL, e.g. {@code http://127.0.0.1:11434/v1}; {@code /chat/completions} is appended. */
        String baseUrl();

        /** The model's name. */
        String name();

        /** The environment variable holding the API key, if the endpoint needs one. */
        Optional<String> apiKeyEnv();

        @WithDefault("60s")
        Duration timeout();
    }

    /** What may be deleted. Nothing is, unless a duration is set here. */
    interface Retention {

        /**
         * Messages of a summarized conversation older than this are deleted (their chain links are kept as
         * tombstones). Unset: messages are kept for ever.
         */
        Optional<Duration> messages();
    }
}

package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.core.payload.StoredMessage;
import dev.uniwizard.mesh.memory.config.MemoryConfig;
import dev.uniwizard.mesh.memory.config.MemoryConfig.SummaryModel;
import dev.uniwizard.mesh.memory.retention.MessagePruner;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Compacts conversations that went idle into summaries: for each conversation idle for
 * {@code memory.historian.idle-after} with at least {@code min-messages} messages after its last summary, it writes one
 * summary of those messages (by the model configured for the conversation's house, else extractive), with their
 * provenance, linked into the chain. Then, only when {@code memory.retention.messages} is set, it prunes old summarized
 * messages ({@link MessagePruner}). Safe to run on every replica at once: a conversation is claimed with an advisory
 * lock in the transaction that writes its summary, and a summary ending at the same message is never written twice.
 */
@Startup
@Singleton
public class Historian {

    /** Most messages one summary covers; the rest of a long conversation gets the next summary. */
    public static final int MAX_MESSAGES_PER_SUMMARY = 1000;

    static final String MODEL = "model";
    static final String EXTRACTIVE = "extractive";

    private static final Logger LOG = Logger.getLogger(Historian.class);

    private final Jdbi jdbi;
    private final SummaryStore store;
    private final SummaryModelClient models;
    private final MessagePruner pruner;
    private final MemoryConfig.Historian settings;
    private final ExtractiveSummarizer extractive;
    private final int maxSummaryChars;

    public Historian(
            Jdbi jdbi, SummaryStore store, SummaryModelClient models, MessagePruner pruner, MemoryConfig config) {
        this.jdbi = jdbi;
        this.store = store;
        this.models = models;
        this.pruner = pruner;
        this.settings = config.historian();
        this.maxSummaryChars = config.maxContentChars();
        check(settings);
        this.extractive = new ExtractiveSummarizer(settings.extractiveSentences());
    }

    /** Summarizes the conversations that are due (at most {@code batch}), then prunes if retention is set. */
    public HistorianReport runOnce() {
        Instant startedAt = Instant.now();
        List<HistorianReport.Summarized> summarized = new ArrayList<>();
        List<HistorianReport.Failed> failed = new ArrayList<>();
        for (String conversationId : store.due(settings.idleAfter(), settings.minMessages(), settings.batch())) {
            try {
                summarize(conversationId).ifPresent(summarized::add);
            } catch (RuntimeException e) {
                String reason = reason(e);
                LOG.warnf(e, "could not summarize conversation %s (next run tries again): %s", conversationId, reason);
                failed.add(new HistorianReport.Failed(conversationId, reason));
            }
        }
        long pruned = 0;
        String pruneError = null;
        try {
            pruned = pruner.prune();
        } catch (RuntimeException e) {
            pruneError = reason(e);
            LOG.warnf(e, "could not prune messages under memory.retention.messages: %s", pruneError);
        }
        return new HistorianReport(startedAt, summarized, failed, pruned, pruneError);
    }

    /** Summarizes one conversation; empty when another run has it or did it already, or it is no longer due. */
    private Optional<HistorianReport.Summarized> summarize(String conversationId) {
        return jdbi.inTransaction(handle -> {
            if (!store.claim(handle, conversationId)) {
                LOG.debugf("conversation %s is being summarized by another run", conversationId);
                return Optional.empty();
            }
            Optional<PendingConversation> pending = store.pending(
                    handle, conversationId, settings.idleAfter(), settings.minMessages(), MAX_MESSAGES_PER_SUMMARY);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            PendingConversation conversation = pending.get();
            Draft draft = draft(conversation);
            Optional<Long> id = store.insert(handle, conversation, draft.text(), draft.method(), draft.model());
            if (id.isEmpty()) {
                LOG.debugf("conversation %s was summarized through the same message by another run", conversationId);
                return Optional.empty();
            }
            List<Long> seqs =
                    conversation.messages().stream().map(StoredMessage::seq).toList();
            LOG.infof(
                    "summarized conversation %s (%d messages, %d to %d) as summary #%d, %s%s",
                    conversationId,
                    seqs.size(),
                    seqs.getFirst(),
                    seqs.getLast(),
                    id.get(),
                    draft.method(),
                    draft.model() == null ? "" : " by " + draft.model());
            return Optional.of(new HistorianReport.Summarized(
                    conversationId,
                    id.get(),
                    draft.method(),
                    draft.model(),
                    seqs.size(),
                    seqs.getFirst(),
                    seqs.getLast(),
                    draft.note()));
        });
    }

    /** The summary text: by the house's model when it has one and it answers, else extractive. */
    private Draft draft(PendingConversation conversation) {
        String note = null;
        Map<String, SummaryModel> configured = settings.models();
        SummaryModel model = conversation.house() == null ? null : configured.get(conversation.house());
        if (model != null) {
            try {
                String transcript = Transcript.of(conversation.messages(), SummaryModelClient.MAX_TRANSCRIPT_CHARS);
                String text = models.summarize(conversation.house(), model, conversation.id(), transcript);
                String full = SummaryHeader.of(conversation.id(), conversation.messages()) + "\n" + text;
                return new Draft(cap(full), MODEL, model.name(), null);
            } catch (SummaryModelException | RuntimeException e) {
                note = "model " + model.name() + " of house " + conversation.house() + " failed: " + e.getMessage()
                        + "; extractive summary instead";
                LOG.warnf("conversation %s: %s", conversation.id(), note);
            }
        }
        return new Draft(cap(extractive.summarize(conversation.id(), conversation.messages())), EXTRACTIVE, null, note);
    }

    /** Cuts a summary to {@code memory.max-content-chars}. */
    private String cap(String text) {
        if (text.length() <= maxSummaryChars) {
            return text;
        }
        int end = Math.max(0, maxSummaryChars - 3);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }

    private static String reason(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private static void check(MemoryConfig.Historian settings) {
        requirePositive("memory.historian.every", settings.every());
        if (settings.idleAfter().isNegative()) {
            throw new IllegalStateException(
                    "memory.historian.idle-after must not be negative, got " + settings.idleAfter());
        }
        requireAtLeastOne("memory.historian.min-messages", settings.minMessages());
        requireAtLeastOne("memory.historian.batch", settings.batch());
        requireAtLeastOne("memory.historian.extractive-sentences", settings.extractiveSentences());
        settings.models().forEach((house, model) -> {
            String prefix = "memory.historian.models." + house;
            if (model.baseUrl() == null || model.baseUrl().isBlank()) {
                throw new IllegalStateException(prefix + ".base-url is required, e.g. http://127.0.0.1:11434/v1");
            }
            if (model.name() == null || model.name().isBlank()) {
                throw new IllegalStateException(prefix + ".name is required (the model's name at that endpoint)");
            }
            requirePositive(prefix + ".timeout", model.timeout());
        });
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalStateException(name + " must be positive, got " + value);
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalStateException(name + " must be at least 1, got " + value);
        }
    }

    /** A summary before it is stored. */
    private record Draft(String text, String method, String model, String note) {}
}

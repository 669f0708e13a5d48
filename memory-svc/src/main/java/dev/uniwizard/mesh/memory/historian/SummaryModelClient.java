package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.memory.config.MemoryConfig.SummaryModel;
import dev.uniwizard.mesh.service.model.ChatCompletionException;
import dev.uniwizard.mesh.service.model.ChatCompletions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.UnaryOperator;

/**
 * Asks a house's summary model (an OpenAI-compatible chat-completions endpoint, through the shared
 * {@link ChatCompletions}) for the summary of a conversation transcript, with {@code Authorization: Bearer <key>} when
 * the model names an environment variable holding a key. Every failure is a {@link SummaryModelException} whose
 * message says what went wrong.
 */
@Singleton
public class SummaryModelClient {

    /** Longest transcript sent, in characters; earlier messages are left out beyond it. */
    public static final int MAX_TRANSCRIPT_CHARS = 60_000;

    static final String SYSTEM_PROMPT = """
            You write summaries of conversations for a long-term memory. Summarize the conversation you are given \
            concisely and factually, in at most 200 words: the decisions made, the facts learned, what was done, and \
            the questions left open. Keep names, numbers, file names and commands exactly as written. Do not invent \
            anything. Write in the language of the conversation. Answer with the summary only.""";

    private final ChatCompletions completions;
    private final UnaryOperator<String> environment;

    @Inject
    public SummaryModelClient(ChatCompletions completions) {
        this(completions, System::getenv);
    }

    /** @param environment looks up environment variables (tests pass their own) */
    SummaryModelClient(ChatCompletions completions, UnaryOperator<String> environment) {
        this.completions = completions;
        this.environment = environment;
    }

    /**
     * The model's summary of a transcript.
     *
     * @param house the house whose model this is (for messages)
     * @param model the endpoint, model name, key and timeout
     * @param conversationId the conversation (named to the model)
     * @param transcript the conversation as text, see {@link Transcript}
     */
    public String summarize(String house, SummaryModel model, String conversationId, String transcript)
            throws SummaryModelException {
        if (ChatCompletions.completionsUri(model.baseUrl()).isEmpty()) {
            throw new SummaryModelException("memory.historian.models." + house + ".base-url '" + model.baseUrl()
                    + "' is not an http(s) URL such as http://127.0.0.1:11434/v1");
        }
        String key = null;
        if (model.apiKeyEnv().isPresent()) {
            String variable = model.apiKeyEnv().get();
            key = environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw new SummaryModelException("the environment variable " + variable + " named by memory.historian"
                        + ".models." + house + ".api-key-env is not set");
            }
        }
        try {
            return completions.complete(
                    model.baseUrl(),
                    key,
                    model.name(),
                    SYSTEM_PROMPT,
                    "Conversation " + conversationId + ":\n\n" + transcript,
                    model.timeout());
        } catch (ChatCompletionException e) {
            throw new SummaryModelException(e.getMessage(), e);
        }
    }
}

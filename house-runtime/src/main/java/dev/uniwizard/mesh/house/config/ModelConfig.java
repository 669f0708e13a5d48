package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code house.model.*}: an OpenAI-compatible chat-completions endpoint (OpenAI, Ollama, llama.cpp with --jinja,
 * vLLM). INTELLIGENT and SOVEREIGN modes need {@code base-url} and {@code name}.
 */
public interface ModelConfig {

    /** e.g. {@code http://127.0.0.1:11434/v1}; {@code /chat/completions} is appended. */
    Optional<String> baseUrl();

    /** The model's name as the endpoint knows it, e.g. {@code qwen2.5:7b}. */
    Optional<String> name();

    /** Name of the environment variable holding the API key (sent as a bearer token); none is sent when unset. */
    @WithDefault("HOUSE_MODEL_API_KEY")
    String apiKeyEnv();

    /** Time for one completion request. */
    @WithDefault("120s")
    Duration timeout();

    /** Attempts for one completion when the endpoint answers 429 or 5xx or cannot be reached. */
    @WithDefault("3")
    int maxAttempts();

    /** First wait between attempts; doubles each time, and a Retry-After header is honoured. */
    @WithDefault("1s")
    Duration retryBackoff();

    Optional<Double> temperature();

    Optional<Integer> maxTokens();
}

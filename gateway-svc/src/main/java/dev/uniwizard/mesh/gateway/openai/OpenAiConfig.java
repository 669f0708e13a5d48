package dev.uniwizard.mesh.gateway.openai;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * The OpenAI-compatible API ({@code /v1/chat/completions}, {@code /v1/models}), under {@code gateway.openai.*}. Callers
 * authenticate with the bearer tokens of {@code gateway.operators.<name>.tokens}.
 */
@ConfigMapping(prefix = "gateway.openai")
public interface OpenAiConfig {

    /** When false, every {@code /v1/*} request is answered 404. */
    @WithDefault("true")
    boolean enabled();

    /** The houses offered as models: a request's {@code model} must be one of them. */
    @WithDefault("timmy,ezra,bezalel")
    List<String> houses();

    /** How often a streamed answer sends an SSE comment while it waits, so proxies and clients keep the connection. */
    @WithDefault("10s")
    Duration keepAlive();
}

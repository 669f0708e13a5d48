package dev.uniwizard.mesh.gateway.openai;

import dev.uniwizard.mesh.gateway.operators.BearerTokens;
import dev.uniwizard.mesh.gateway.operators.Operator;
import dev.uniwizard.mesh.gateway.operators.OperatorDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Who is calling the OpenAI-compatible API: the operator holding the {@code Authorization: Bearer <token>}
 * ({@code gateway.operators.<name>.tokens}). Anything else is a 401 in OpenAI's format; a wrong token is also logged on
 * {@code mesh.security} and counted ({@code mesh.gateway.openai.auth}).
 */
@Singleton
public class BearerAuth {

    private static final Logger SECURITY = Logger.getLogger("mesh.security");

    private final OperatorDirectory directory;
    private final OpenAiConfig config;
    private final MeterRegistry registry;

    public BearerAuth(OperatorDirectory directory, OpenAiConfig config, MeterRegistry registry) {
        this.directory = directory;
        this.config = config;
        this.registry = registry;
    }

    /**
     * The operator of this {@code Authorization} header, or a 401 {@link OpenAiException}; a 404 when the API is turned
     * off ({@code gateway.openai.enabled=false}).
     */
    public Operator operator(String authorization, String remote) {
        if (!config.enabled()) {
            throw new OpenAiException(
                    404,
                    OpenAiException.INVALID_REQUEST,
                    "not_found",
                    null,
                    "The OpenAI-compatible API is turned off on this gateway (gateway.openai.enabled=false).");
        }
        Optional<String> token = BearerTokens.from(authorization);
        if (token.isEmpty()) {
            count("missing");
            throw unauthorized(
                    "You didn't provide an API key. Send the token of a gateway operator as 'Authorization: Bearer"
                            + " <token>' (the api_key of an OpenAI client).");
        }
        return directory.byToken(token.get()).orElseThrow(() -> {
            count("invalid");
            SECURITY.warnf("security event: OpenAI API request from %s with a bearer token no operator holds", remote);
            return unauthorized("Incorrect API key provided: no operator of this gateway holds this token.");
        });
    }

    private static OpenAiException unauthorized(String message) {
        return new OpenAiException(401, OpenAiException.INVALID_REQUEST, "invalid_api_key", null, message);
    }

    private void count(String outcome) {
        registry.counter("mesh.gateway.openai.auth", "outcome", outcome).increment();
    }
}

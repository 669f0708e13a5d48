package dev.uniwizard.mesh.gateway.api;

import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.operators.BearerTokens;
import dev.uniwizard.mesh.gateway.operators.Operator;
import dev.uniwizard.mesh.gateway.operators.OperatorDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Who calls the gateway's own JSON API. With {@code Authorization: Bearer <token>} the caller is the operator holding
 * the token ({@code gateway.operators.<name>.tokens}), and their messages go to their own house when they address
 * none; a token no operator holds is a 401. Without the header the {@code X-Operator} header is taken on trust, unless
 * {@code gateway.http.require-token=true}, which makes the token mandatory (do that wherever the API is reachable by
 * anyone but the operators).
 */
@Singleton
public class HttpCallers {

    private static final Logger SECURITY = Logger.getLogger("mesh.security");

    /**
     * The caller.
     *
     * @param sender the sender the message is published as
     * @param operator the authenticated operator, empty for a caller named only by {@code X-Operator}
     */
    public record Caller(Sender sender, Optional<Operator> operator) {}

    private final OperatorDirectory directory;
    private final GatewayConfig config;
    private final MeterRegistry registry;

    public HttpCallers(OperatorDirectory directory, GatewayConfig config, MeterRegistry registry) {
        this.directory = directory;
        this.config = config;
        this.registry = registry;
    }

    /** The caller of a request with these headers, or an {@link ApiException} with status 401. */
    public Caller identify(String authorization, String operatorHeader, String remote) {
        if (authorization != null && !authorization.isBlank()) {
            Optional<String> token = BearerTokens.from(authorization);
            if (token.isEmpty()) {
                throw unauthorized("bad_authorization", "the Authorization header must be 'Bearer <token>'");
            }
            Operator operator = directory.byToken(token.get()).orElseThrow(() -> {
                SECURITY.warnf(
                        "security event: HTTP API request from %s with a bearer token no operator holds", remote);
                return unauthorized("invalid_token", "no operator of this gateway holds this bearer token");
            });
            count("token");
            return new Caller(new Sender(Platforms.HTTP, operator.name(), operator.name()), Optional.of(operator));
        }
        if (config.http().requireToken()) {
            throw unauthorized(
                    "missing_token",
                    "this gateway requires 'Authorization: Bearer <token>' with an operator's token"
                            + " (gateway.http.require-token=true)");
        }
        count("header");
        return new Caller(Inputs.sender(operatorHeader), Optional.empty());
    }

    private ApiException unauthorized(String code, String message) {
        count(code);
        return new ApiException(401, code, message);
    }

    private void count(String outcome) {
        registry.counter("mesh.gateway.http.auth", "outcome", outcome).increment();
    }
}

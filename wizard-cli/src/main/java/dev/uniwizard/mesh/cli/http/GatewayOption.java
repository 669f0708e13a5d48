package dev.uniwizard.mesh.cli.http;

import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --gateway} option shared by the commands that talk to the gateway. */
public final class GatewayOption {

    @Option(
            names = "--gateway",
            paramLabel = "<url>",
            defaultValue = "${env:WIZARD_GATEWAY:-" + GatewayClient.DEFAULT_URL + "}",
            description = {
                "gateway URL, env WIZARD_GATEWAY; an operator token in env WIZARD_TOKEN is sent as a bearer token",
                "default: ${DEFAULT-VALUE}"
            })
    String url;

    public String url() {
        return url;
    }

    /**
     * {@code Authorization: Bearer <token>} when the environment variable {@code WIZARD_TOKEN} holds an operator's
     * token (an environment variable, not an option, so the token does not show in the process list); else nothing.
     */
    public Map<String, String> headers() {
        String token = System.getenv(TOKEN_ENV);
        return token == null || token.isBlank() ? Map.of() : Map.of("Authorization", "Bearer " + token.strip());
    }

    /** The environment variable holding the operator's gateway token. */
    public static final String TOKEN_ENV = "WIZARD_TOKEN";
}

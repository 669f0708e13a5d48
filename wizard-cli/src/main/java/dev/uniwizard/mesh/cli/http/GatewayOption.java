package dev.uniwizard.mesh.cli.http;

import picocli.CommandLine.Option;

/** The {@code --gateway} option shared by the commands that talk to the gateway. */
public final class GatewayOption {

    @Option(
            names = "--gateway",
            paramLabel = "<url>",
            defaultValue = "${env:WIZARD_GATEWAY:-" + GatewayClient.DEFAULT_URL + "}",
            description = {"gateway URL, env WIZARD_GATEWAY", "default: ${DEFAULT-VALUE}"})
    String url;

    public String url() {
        return url;
    }
}

package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.http.TimeoutOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --memory} and {@code --timeout} options every {@code wizard memory} command shares. */
public final class MemoryOptions {

    @Option(
            names = "--memory",
            paramLabel = "<url>",
            defaultValue = "${env:WIZARD_MEMORY_URL:-" + MemoryClient.DEFAULT_URL + "}",
            description = {"memory-svc's URL, env WIZARD_MEMORY_URL", "default: ${DEFAULT-VALUE}"})
    String url;

    @Mixin
    TimeoutOption timeout;

    /** A client for memory; a bad {@code --timeout} or URL is refused with a message. */
    MemoryClient client() {
        return new MemoryClient(url, timeout.duration());
    }
}

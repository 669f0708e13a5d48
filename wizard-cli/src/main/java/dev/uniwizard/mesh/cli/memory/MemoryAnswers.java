package dev.uniwizard.mesh.cli.memory;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.text.Json;

/** Turns memory's answers into mesh-core records, or into an error that carries memory's own message. */
final class MemoryAnswers {

    private MemoryAnswers() {}

    /** The body of a 2xx as {@code type}; otherwise {@code memory refused: <error>: <message>} with exit code 1. */
    static <T> T read(HttpResult result, Class<T> type) {
        return read(result, type, ExitCodes.FAILURE);
    }

    /** Like {@link #read(HttpResult, Class)}, with the exit code for a refusal or an answer that cannot be read. */
    static <T> T read(HttpResult result, Class<T> type, int exitCode) {
        if (!result.successful()) {
            throw new CliError(exitCode, "memory refused: " + result.problem() + " (HTTP " + result.status() + ")");
        }
        try {
            return Json.read(result.body(), type);
        } catch (IllegalArgumentException e) {
            throw new CliError(
                    exitCode,
                    "memory answered HTTP " + result.status() + " with no " + type.getSimpleName() + ": "
                            + e.getMessage() + ": " + result.raw(),
                    e);
        }
    }
}

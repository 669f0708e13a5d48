package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.text.Json;

/**
 * Turns the scheduler's answers into mesh-core records, or into an error (exit code 1) that carries the scheduler's
 * own message and the field it named.
 */
final class SchedulerAnswers {

    private SchedulerAnswers() {}

    /** The body of a 2xx as {@code type}; otherwise {@code scheduler refused: <error>: <message>}. */
    static <T> T read(HttpResult result, Class<T> type) {
        if (!result.successful()) {
            String field = result.json().map(json -> Json.text(json, "field")).orElse(null);
            throw new CliError(
                    ExitCodes.FAILURE,
                    "scheduler refused: " + result.problem() + (field == null ? "" : " (field " + field + ")")
                            + " (HTTP " + result.status() + ")");
        }
        try {
            return Json.read(result.body(), type);
        } catch (IllegalArgumentException e) {
            throw new CliError(
                    ExitCodes.FAILURE,
                    "scheduler answered HTTP " + result.status() + " with no " + type.getSimpleName() + ": "
                            + e.getMessage() + ": " + result.raw(),
                    e);
        }
    }
}

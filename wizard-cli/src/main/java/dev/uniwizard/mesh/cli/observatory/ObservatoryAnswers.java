package dev.uniwizard.mesh.cli.observatory;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.ExitCodes;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.text.Json;

/**
 * Turns the observatory's answers into mesh-core records, or into an error (exit code 2) that carries the
 * observatory's own message, e.g. {@code observatory answered HTTP 400: bad_parameter: window must be ...}.
 */
public final class ObservatoryAnswers {

    private ObservatoryAnswers() {}

    /** The body of a 2xx as {@code type}; otherwise an error naming what was asked and what the observatory said. */
    public static <T> T read(HttpResult result, Class<T> type, String what) {
        if (!result.successful()) {
            throw refused(result, what);
        }
        try {
            return Json.read(result.body(), type);
        } catch (IllegalArgumentException e) {
            throw new CliError(
                    ExitCodes.USAGE_OR_REQUEST,
                    "observatory answered " + what + " with HTTP " + result.status() + " but no " + type.getSimpleName()
                            + ": " + e.getMessage() + ": " + result.raw(),
                    e);
        }
    }

    /** The error for a non-2xx answer to {@code what}. */
    public static CliError refused(HttpResult result, String what) {
        String hint = result.status() == 404 ? " (is the observatory older than this wizard?)" : "";
        return new CliError(
                ExitCodes.USAGE_OR_REQUEST,
                "observatory could not answer " + what + " (HTTP " + result.status() + "): " + result.problem() + hint);
    }
}

package dev.uniwizard.mesh.cli.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.http.HttpResult;

/** Turns Timmy's answers into JSON for the commands, or into an error that carries Timmy's own message. */
final class TimmyAnswers {

    private TimmyAnswers() {}

    /** The JSON body of a 200, or a {@link CliError} (exit code 2) saying what {@code doing} ran into. */
    static JsonNode ok(HttpResult result, String doing) {
        if (result.status() != 200) {
            throw CliError.usage(doing + " failed (HTTP " + result.status() + "): " + result.problem());
        }
        return result.json().orElseThrow(() -> CliError.usage("timmy answered HTTP 200 without JSON: " + result.raw()));
    }
}

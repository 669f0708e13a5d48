package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.ChecksReport;
import dev.uniwizard.mesh.observatory.checks.ChecksEvaluator;
import dev.uniwizard.mesh.observatory.checks.ChecksReports;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every check's latest result ({@link ChecksReport}), optionally only those in one state ({@code ?state=critical};
 * {@code worst} and {@code counts} always cover every check). Before the first evaluation: 503.
 */
@Path("/api/v1/checks")
@Produces(MediaType.APPLICATION_JSON)
public class ChecksResource {

    private static final String STATES =
            Arrays.stream(CheckState.values()).map(CheckState::wireName).collect(Collectors.joining(", "));

    private final ChecksEvaluator evaluator;

    public ChecksResource(ChecksEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @GET
    public Response checks(@QueryParam("state") String state) {
        CheckState only = null;
        if (state != null) {
            try {
                only = CheckState.fromWire(state.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Response.status(Response.Status.BAD_REQUEST)
                        .entity(new ApiError(
                                "bad_state", "state '" + state + "' is not a check state: use one of " + STATES))
                        .build();
            }
        }
        Optional<ChecksReport> report = evaluator.latest();
        if (report.isEmpty()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ApiError(
                            "checks_not_run",
                            "the checks have not run yet: the leading observatory runs them every"
                                    + " observatory.checks.interval; try again shortly"))
                    .build();
        }
        return Response.ok(only == null ? report.get() : ChecksReports.only(report.get(), only))
                .build();
    }
}

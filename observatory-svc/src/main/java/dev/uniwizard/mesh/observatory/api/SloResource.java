package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.observatory.slo.SloObjectives;
import dev.uniwizard.mesh.observatory.slo.SloReports;
import dev.uniwizard.mesh.observatory.slo.SloWindow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The SLO report over a window ending now: {@code GET /api/v1/slo?window=30d} ({@code observatory.slo.window}). */
@Path("/api/v1/slo")
@Produces(MediaType.APPLICATION_JSON)
public class SloResource {

    private final SloReports reports;
    private final SloObjectives objectives;
    private final Clock clock;

    public SloResource(SloReports reports, SloObjectives objectives, Clock clock) {
        this.reports = reports;
        this.objectives = objectives;
        this.clock = clock;
    }

    @GET
    public Response slo(@QueryParam("window") String window) {
        Duration length;
        try {
            length = window == null || window.isBlank() ? objectives.defaultWindow() : SloWindow.parse(window);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApiError("bad_window", "parameter window: " + e.getMessage()))
                    .build();
        }
        Instant to = clock.instant();
        return Response.ok(reports.report(to.minus(length), to)).build();
    }
}

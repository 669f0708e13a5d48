package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.observatory.DigestReport;
import dev.uniwizard.mesh.observatory.digest.DigestReports;
import dev.uniwizard.mesh.observatory.digest.DigestSender;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * The digest of the last 24 hours: {@code GET /api/v1/digest} shows it, {@code POST /api/v1/digest/send} also sends it
 * to the notify channels now (apart from the daily one) and answers it.
 */
@Path("/api/v1/digest")
@Produces(MediaType.APPLICATION_JSON)
public class DigestResource {

    private final DigestReports reports;
    private final DigestSender sender;
    private final Clock clock;

    public DigestResource(DigestReports reports, DigestSender sender, Clock clock) {
        this.reports = reports;
        this.sender = sender;
        this.clock = clock;
    }

    @GET
    public DigestReport digest() {
        return reports.report(clock.instant());
    }

    @POST
    @Path("/send")
    public DigestReport send() {
        DigestReport report = reports.report(clock.instant());
        sender.send(report);
        return report;
    }
}

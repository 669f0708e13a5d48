package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.observatory.Alert;
import dev.uniwizard.mesh.core.observatory.AlertRecord;
import dev.uniwizard.mesh.observatory.alerts.AlertBook;
import dev.uniwizard.mesh.observatory.alerts.AlertPhase;
import dev.uniwizard.mesh.observatory.alerts.Alerting;
import dev.uniwizard.mesh.observatory.alerts.TrackedAlert;
import dev.uniwizard.mesh.observatory.notify.AlertRecords;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The alerts: which fire and which are pending now, and the notifications sent (one record per channel), newest first.
 */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    public static final int DEFAULT_LIMIT = 50;

    /**
     * The answer of {@code GET /api/v1/alerts}.
     *
     * @param firing alerts firing now
     * @param pending alerts whose check is a problem for less than {@code for}
     * @param notifications the newest notification records
     */
    public record Alerts(List<Alert> firing, List<Alert> pending, List<AlertRecord> notifications) {}

    private final Alerting alerting;
    private final AlertRecords records;

    public AlertsResource(Alerting alerting, AlertRecords records) {
        this.alerting = alerting;
        this.records = records;
    }

    @GET
    public Response alerts(@QueryParam("limit") String limit) {
        Limit count = Limit.parse(limit, DEFAULT_LIMIT);
        if (count.error() != null) {
            return count.error();
        }
        AlertBook book = alerting.current();
        return Response.ok(new Alerts(
                        phase(book, AlertPhase.FIRING), phase(book, AlertPhase.PENDING), records.newest(count.value())))
                .build();
    }

    private static List<Alert> phase(AlertBook book, AlertPhase phase) {
        return book.active().values().stream()
                .filter(a -> a.phase() == phase)
                .map(TrackedAlert::toAlert)
                .toList();
    }
}

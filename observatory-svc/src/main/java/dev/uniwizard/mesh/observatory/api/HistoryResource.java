package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.observatory.HistoryReport;
import dev.uniwizard.mesh.observatory.notify.AlertRecords;
import dev.uniwizard.mesh.observatory.snapshots.CheckStore;
import dev.uniwizard.mesh.store.StoreFailures;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The latest check state changes and notifications, newest first ({@link HistoryReport}): {@code ?limit=N} of each
 * (default 20, 1 to 1000).
 */
@Path("/api/v1/history")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    static final int DEFAULT_LIMIT = 20;

    private final CheckStore store;
    private final AlertRecords records;

    public HistoryResource(CheckStore store, AlertRecords records) {
        this.store = store;
        this.records = records;
    }

    @GET
    public Response history(@QueryParam("limit") String limit) {
        Limit count = Limit.parse(limit, DEFAULT_LIMIT);
        if (count.error() != null) {
            return count.error();
        }
        try {
            return Response.ok(new HistoryReport(store.transitions(count.value()), records.newest(count.value())))
                    .build();
        } catch (RuntimeException e) {
            if (!StoreFailures.isDatabaseFailure(e)) {
                throw e;
            }
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(new ApiError(
                            "store_unavailable", "the history could not be read from PostgreSQL: " + e.getMessage()))
                    .build();
        }
    }
}

package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.observatory.HistoryReport;
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
    static final int MAX_LIMIT = 1000;

    private final CheckStore store;

    public HistoryResource(CheckStore store) {
        this.store = store;
    }

    @GET
    public Response history(@QueryParam("limit") String limit) {
        int count;
        try {
            count = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_LIMIT) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApiError(
                            "bad_limit",
                            "limit '" + limit + "' must be a whole number from 1 to " + MAX_LIMIT + " (default "
                                    + DEFAULT_LIMIT + ")"))
                    .build();
        }
        try {
            return Response.ok(new HistoryReport(store.transitions(count), store.alerts(count)))
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

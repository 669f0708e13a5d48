package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.observatory.health.HeartbeatStore;
import dev.uniwizard.mesh.observatory.health.MeshHealth;
import dev.uniwizard.mesh.observatory.health.MeshHealthReport;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/** The health of the mesh, judged from the latest heartbeats. */
@Path("/api/v1/health/mesh")
@Produces(MediaType.APPLICATION_JSON)
public class MeshHealthResource {

    private final HeartbeatStore store;
    private final MeshHealth health;
    private final Clock clock;

    public MeshHealthResource(HeartbeatStore store, MeshHealth health, Clock clock) {
        this.store = store;
        this.health = health;
        this.clock = clock;
    }

    @GET
    public MeshHealthReport mesh() {
        return health.evaluate(store.latest(), clock.instant());
    }

    @GET
    @Path("/{service}")
    public Response service(@PathParam("service") String service) {
        if (!Subjects.isToken(service)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new ApiError(
                            "bad_service",
                            "'" + service + "' is not a service name: use 1-64 lower-case letters, digits, '_' or '-'"))
                    .build();
        }
        return health.evaluate(service, store.latest(), clock.instant())
                .map(report -> Response.ok(report).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(new ApiError(
                                "unknown_service", "no heartbeat from service '" + service + "' has been seen"))
                        .build());
    }
}

package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.scheduler.config.SchedulerConfig;
import dev.uniwizard.mesh.scheduler.store.JobStore;
import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The scheduler's state: this node, how many jobs exist (in the shared database), and whether this node fires them. */
@Path("/api/v1/scheduler")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulerStatusResource {

    static final String FIRING = "fires due jobs (with every other scheduler node on the same database)";
    static final String NOT_FIRING = "does not fire jobs (scheduler.firing-enabled=false): serves the API only";

    private final MeshConfig mesh;
    private final SchedulerConfig scheduler;
    private final JobStore store;

    public SchedulerStatusResource(MeshConfig mesh, SchedulerConfig scheduler, JobStore store) {
        this.mesh = mesh;
        this.scheduler = scheduler;
        this.store = store;
    }

    @GET
    @Path("/status")
    public SchedulerStatus status() {
        return new SchedulerStatus(mesh.nodeId(), store.count(), scheduler.firingEnabled() ? FIRING : NOT_FIRING);
    }
}

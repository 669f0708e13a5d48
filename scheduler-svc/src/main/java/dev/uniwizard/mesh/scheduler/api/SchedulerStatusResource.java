package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.service.config.MeshConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The scheduler's state. Jobs do not exist yet (they arrive with the scheduler issue), so this says so instead of
 * pretending: zero jobs and an explanation.
 */
@Path("/api/v1/scheduler")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulerStatusResource {

    static final String NOT_YET = "job scheduling arrives with the scheduler issue";

    private final MeshConfig config;

    public SchedulerStatusResource(MeshConfig config) {
        this.config = config;
    }

    @GET
    @Path("/status")
    public SchedulerStatus status() {
        return new SchedulerStatus(config.nodeId(), 0, NOT_YET);
    }
}

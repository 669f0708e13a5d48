package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.observatory.events.ObservedEvent;
import dev.uniwizard.mesh.observatory.events.RecentEvents;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The latest security and dead-letter events, newest first. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class RecentEventsResource {

    /** The answer of {@code GET /api/v1/events/recent}. */
    public record Recent(List<ObservedEvent> events) {}

    private final RecentEvents recent;

    public RecentEventsResource(RecentEvents recent) {
        this.recent = recent;
    }

    @GET
    @Path("/recent")
    public Recent recent() {
        return new Recent(recent.newestFirst());
    }
}

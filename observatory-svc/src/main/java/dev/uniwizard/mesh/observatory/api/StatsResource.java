package dev.uniwizard.mesh.observatory.api;

import dev.uniwizard.mesh.core.observatory.AgentStats;
import dev.uniwizard.mesh.observatory.config.StatsConfig;
import dev.uniwizard.mesh.observatory.stats.BadStatsParameter;
import dev.uniwizard.mesh.observatory.stats.HouseStats;
import dev.uniwizard.mesh.observatory.stats.StatsParameters;
import dev.uniwizard.mesh.observatory.stats.StatsPeriod;
import dev.uniwizard.mesh.observatory.stats.StatsSeries;
import dev.uniwizard.mesh.observatory.stats.UnknownHouse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jdbi.v3.core.JdbiException;

/**
 * Per-house agent stats from the houses' turn and tool-call events.
 *
 * <ul>
 *   <li>{@code GET /api/v1/stats?house=&since=}: {@link AgentStats} of the house, or a list for every known house
 *       without {@code house};
 *   <li>{@code GET /api/v1/stats/series?house=&since=&step=}: {@link StatsSeries} for charts, likewise.
 * </ul>
 *
 * {@code since} is an ISO-8601 instant or a duration back from now ({@code 15m}, {@code 1h}, {@code 7d}; default
 * {@code observatory.stats.default-since}, 1h). Errors: 400 {@code bad_house}, {@code bad_since}, {@code bad_step}
 * naming the accepted forms; 404 {@code unknown_house} listing the known houses; 503 {@code store_unavailable}.
 */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private static final Logger LOG = Logger.getLogger(StatsResource.class);

    private final HouseStats stats;
    private final StatsConfig.Stats config;
    private final Clock clock;

    public StatsResource(HouseStats stats, StatsConfig config, Clock clock) {
        this.stats = stats;
        this.config = config.stats();
        this.clock = clock;
    }

    @GET
    public Response stats(@QueryParam("house") String house, @QueryParam("since") String since) {
        Optional<String> one = StatsParameters.house(house);
        StatsPeriod period = StatsParameters.since(since, clock.instant(), config.defaultSince());
        List<AgentStats> answer = stats.stats(stats.select(one), period);
        return Response.ok(one.isPresent() ? answer.getFirst() : answer).build();
    }

    @GET
    @Path("/series")
    public Response series(
            @QueryParam("house") String house, @QueryParam("since") String since, @QueryParam("step") String step) {
        Optional<String> one = StatsParameters.house(house);
        StatsPeriod period = StatsParameters.since(since, clock.instant(), config.defaultSince());
        Duration width = StatsParameters.step(step, period, config.defaultPoints(), config.maxPoints());
        List<StatsSeries> answer = stats.series(stats.select(one), period, width);
        return Response.ok(one.isPresent() ? answer.getFirst() : answer).build();
    }

    @ServerExceptionMapper
    public Response badParameter(BadStatsParameter e) {
        return error(Response.Status.BAD_REQUEST, "bad_" + e.parameter(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownHouse(UnknownHouse e) {
        return error(Response.Status.NOT_FOUND, "unknown_house", e.getMessage());
    }

    @ServerExceptionMapper
    public Response storeFailed(JdbiException e) {
        LOG.errorf(e, "the stats store failed while answering a request");
        return error(
                Response.Status.SERVICE_UNAVAILABLE,
                "store_unavailable",
                "the observatory's store is unavailable; try again later");
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(code, message))
                .build();
    }
}

package dev.uniwizard.mesh.scheduler.api;

import dev.uniwizard.mesh.core.jobs.JobRunView;
import dev.uniwizard.mesh.core.jobs.JobView;
import dev.uniwizard.mesh.core.jobs.SchedulePreview;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * The jobs API: create, read, replace, delete, pause, resume and fire jobs, read their runs, and preview a schedule.
 * Bodies are read strictly ({@link JobJson}); writes log the {@code X-Operator} header. Runs on worker threads: every
 * call goes to PostgreSQL.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final int DEFAULT_RUNS = 20;
    static final int MAX_RUNS = 500;

    private final JobAdmin admin;

    public JobsResource(JobAdmin admin) {
        this.admin = admin;
    }

    /** 201 with the job (defaults filled in) and its next five ticks. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam(Operator.HEADER) String operator, String body) {
        JobView job = admin.create(JobJson.spec(body), Operator.of(operator));
        return Response.created(URI.create("/api/v1/jobs/" + job.spec().name()))
                .entity(job)
                .build();
    }

    @GET
    public List<JobView> list() {
        return admin.list();
    }

    /** The next five ticks of a schedule, without creating a job. */
    @POST
    @Path("preview")
    @Consumes(MediaType.WILDCARD)
    public SchedulePreview preview(String body) {
        return admin.preview(JobJson.schedule(body));
    }

    @GET
    @Path("{name}")
    public JobView get(@PathParam("name") String name) {
        return admin.get(name);
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.WILDCARD)
    public JobView replace(@HeaderParam(Operator.HEADER) String operator, @PathParam("name") String name, String body) {
        return admin.replace(name, JobJson.spec(body), Operator.of(operator));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@HeaderParam(Operator.HEADER) String operator, @PathParam("name") String name) {
        admin.delete(name, Operator.of(operator));
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/pause")
    public JobView pause(@HeaderParam(Operator.HEADER) String operator, @PathParam("name") String name) {
        return admin.setEnabled(name, false, Operator.of(operator));
    }

    @POST
    @Path("{name}/resume")
    public JobView resume(@HeaderParam(Operator.HEADER) String operator, @PathParam("name") String name) {
        return admin.setEnabled(name, true, Operator.of(operator));
    }

    /** 202: the task is published; the run's outcome follows when the house answers. */
    @POST
    @Path("{name}/run")
    public Response run(@HeaderParam(Operator.HEADER) String operator, @PathParam("name") String name) {
        JobRunView run = admin.runNow(name, Operator.of(operator));
        return Response.accepted(run).build();
    }

    /** The job's runs, newest first. */
    @GET
    @Path("{name}/runs")
    public List<JobRunView> runs(@PathParam("name") String name, @QueryParam("limit") String limit) {
        return admin.runs(name, limit(limit));
    }

    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_RUNS;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_RUNS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(
                ApiException.BAD_PARAMETER,
                "limit must be a whole number from 1 to " + MAX_RUNS + ", got '" + raw + "'",
                "limit");
    }
}

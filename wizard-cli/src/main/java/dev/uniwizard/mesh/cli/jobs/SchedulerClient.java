package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.CliError;
import dev.uniwizard.mesh.cli.http.HttpResult;
import dev.uniwizard.mesh.cli.http.MeshHttp;
import dev.uniwizard.mesh.cli.http.OperatorOption;
import dev.uniwizard.mesh.cli.http.Urls;
import dev.uniwizard.mesh.core.jobs.JobSchedule;
import dev.uniwizard.mesh.core.jobs.JobSpec;
import java.time.Duration;
import java.util.Map;

/**
 * scheduler-svc's jobs API. An unreachable scheduler, a timeout or a bad URL become a {@link CliError} with exit code
 * 2; answers of any status are returned for the command to explain.
 */
public final class SchedulerClient implements AutoCloseable {

    public static final String DEFAULT_URL = "http://127.0.0.1:8083";
    public static final String JOBS_PATH = "/api/v1/jobs";
    public static final String PREVIEW_PATH = JOBS_PATH + "/preview";

    private final MeshHttp http;

    public SchedulerClient(String url, Duration timeout) {
        this.http = new MeshHttp("scheduler", url, timeout);
    }

    /** {@code POST /api/v1/jobs}, as {@code operator}. */
    public HttpResult create(JobSpec job, String operator) {
        return http.post(JOBS_PATH, job, as(operator));
    }

    /** {@code GET /api/v1/jobs}. */
    public HttpResult list() {
        return http.get(JOBS_PATH);
    }

    /** {@code POST /api/v1/jobs/<name>/pause}, as {@code operator}. */
    public HttpResult pause(String name, String operator) {
        return http.post(jobPath(name) + "/pause", Map.of(), as(operator));
    }

    /** {@code POST /api/v1/jobs/<name>/resume}, as {@code operator}. */
    public HttpResult resume(String name, String operator) {
        return http.post(jobPath(name) + "/resume", Map.of(), as(operator));
    }

    /** {@code POST /api/v1/jobs/<name>/run}, as {@code operator}. */
    public HttpResult runNow(String name, String operator) {
        return http.post(jobPath(name) + "/run", Map.of(), as(operator));
    }

    /** {@code GET /api/v1/jobs/<name>/runs?limit=<n>}. */
    public HttpResult runs(String name, int limit) {
        return http.get(jobPath(name) + "/runs" + Urls.query().add("limit", limit));
    }

    /** {@code POST /api/v1/jobs/preview}. */
    public HttpResult preview(JobSchedule schedule) {
        return http.post(PREVIEW_PATH, schedule);
    }

    /** The path of a job, with its name encoded as one path segment. */
    static String jobPath(String name) {
        return JOBS_PATH + "/" + Urls.encode(name);
    }

    private static Map<String, String> as(String operator) {
        return Map.of(OperatorOption.HEADER, operator);
    }

    @Override
    public void close() {
        http.close();
    }
}

package dev.uniwizard.mesh.scheduler.api;

/** A request the scheduler refuses: the HTTP status, a stable code, a message and, when known, the field at fault. */
public class ApiException extends RuntimeException {

    public static final String INVALID_JSON = "invalid_json";
    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String INVALID_JOB = "invalid_job";
    public static final String INVALID_SCHEDULE = "invalid_schedule";
    public static final String BAD_PARAMETER = "bad_parameter";
    public static final String NO_SUCH_JOB = "no_such_job";
    public static final String JOB_EXISTS = "job_exists";

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException badRequest(String code, String message, String field) {
        return new ApiException(400, code, message, field);
    }

    public static ApiException badRequest(String code, String message) {
        return badRequest(code, message, null);
    }

    public static ApiException noSuchJob(String name) {
        return new ApiException(404, NO_SUCH_JOB, "there is no job named '" + name + "'", null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    ApiError toError() {
        return new ApiError(code, getMessage(), field);
    }
}

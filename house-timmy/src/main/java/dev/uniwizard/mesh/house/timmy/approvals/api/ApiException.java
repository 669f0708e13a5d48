package dev.uniwizard.mesh.house.timmy.approvals.api;

/** A request the approval API refuses, with the HTTP status and the {@link ApiError} to answer. */
class ApiException extends RuntimeException {

    private final int status;
    private final ApiError error;

    ApiException(int status, ApiError error) {
        super(error.message());
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String code, String message) {
        return new ApiException(400, new ApiError(code, message));
    }

    int status() {
        return status;
    }

    ApiError error() {
        return error;
    }
}

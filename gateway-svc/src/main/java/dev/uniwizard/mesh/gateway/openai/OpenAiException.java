package dev.uniwizard.mesh.gateway.openai;

import dev.uniwizard.mesh.gateway.api.ApiException;

/**
 * A request the OpenAI-compatible API refuses; answered as {@link OpenAiError} with {@link #status()} by
 * {@link OpenAiExceptionMapper}.
 */
public class OpenAiException extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";
    static final String SERVER_ERROR = "server_error";

    private final int status;
    private final String type;
    private final String code;
    private final String param;

    public OpenAiException(int status, String type, String code, String param, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    /** A 400 about the request field {@code param} (null: the body as a whole). */
    public static OpenAiException badRequest(String code, String param, String message) {
        return new OpenAiException(400, INVALID_REQUEST, code, param, message);
    }

    /** A 400 for a header the gateway's own validation refused, in this API's format. */
    public static OpenAiException badHeader(String header, ApiException refused) {
        return new OpenAiException(400, INVALID_REQUEST, refused.code(), header, refused.getMessage());
    }

    public int status() {
        return status;
    }

    public OpenAiError body() {
        return OpenAiError.of(type, code, param, getMessage());
    }

    public String code() {
        return code;
    }
}

package dev.uniwizard.mesh.memory.validation;

/** Why a request cannot be carried out: a stable code and a message for people. */
public record Problem(String code, String message) {

    public static final String BAD_REQUEST = "bad_request";
    public static final String TOO_LARGE = "too_large";
    public static final String NOT_FOUND = "not_found";

    public static Problem badRequest(String message) {
        return new Problem(BAD_REQUEST, message);
    }

    public static Problem tooLarge(String message) {
        return new Problem(TOO_LARGE, message);
    }

    public static Problem notFound(String message) {
        return new Problem(NOT_FOUND, message);
    }
}

package dev.uniwizard.mesh.memory.api;

/** A query or path parameter that cannot be used; answered with HTTP 400. */
class BadParameterException extends RuntimeException {

    BadParameterException(String message) {
        super(message);
    }
}

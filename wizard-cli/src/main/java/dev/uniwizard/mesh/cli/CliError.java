package dev.uniwizard.mesh.cli;

/** An error the user can act on: printed as {@code error: <message>} without a stack trace. */
public final class CliError extends RuntimeException {

    private final int exitCode;

    public CliError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input or a refused request (exit code 2). */
    public static CliError usage(String message) {
        return new CliError(ExitCodes.USAGE_OR_REQUEST, message);
    }

    /** Anything else that went wrong (exit code 1). */
    public static CliError failure(String message, Throwable cause) {
        return new CliError(ExitCodes.FAILURE, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}

package dev.uniwizard.mesh.cli;

/** The exit codes of every wizard command. */
public final class ExitCodes {

    public static final int OK = 0;

    /** A failure that is not the user's input: unreadable files, a mesh that is not healthy. */
    public static final int FAILURE = 1;

    /** Invalid input, or the gateway/observatory refused the request or cannot be reached. */
    public static final int USAGE_OR_REQUEST = 2;

    /** {@code wizard send}: the house answered, with status {@code error}. */
    public static final int REPLY_ERROR = 3;

    /** {@code wizard send}: the gateway accepted the message but the reply is not there yet. */
    public static final int REPLY_PENDING = 4;

    private ExitCodes() {}
}

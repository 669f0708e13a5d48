package dev.uniwizard.mesh.house.tools.git;

import dev.uniwizard.mesh.house.tools.ToolResult;
import dev.uniwizard.mesh.house.tools.TransientToolException;
import org.eclipse.jgit.api.errors.ConcurrentRefUpdateException;
import org.eclipse.jgit.errors.LockFailedException;

/** Turns JGit's exceptions into tool results: a lock held by another git process is worth a retry, the rest is not. */
final class GitErrors {

    private GitErrors() {}

    /**
     * The failure of {@code tool} in {@code repo}; throws {@link TransientToolException} when another process holds a
     * lock on the index or a ref.
     */
    static ToolResult failure(String tool, OpenRepository repo, Exception e) {
        String where = repo == null ? "" : " in " + repo.display();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LockFailedException || cause instanceof ConcurrentRefUpdateException) {
                throw new TransientToolException(
                        tool + where + ": the repository is locked by another git process (" + cause.getMessage() + ")",
                        e);
            }
        }
        return ToolResult.failure(tool + " failed" + where + ": " + describe(e));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return message;
    }
}

package dev.uniwizard.mesh.house.tools.workspace;

/** A path the house may not use, or no workspace at all; the message says which and why. */
public class WorkspaceException extends Exception {

    public WorkspaceException(String message) {
        super(message);
    }
}

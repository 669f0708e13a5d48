package dev.uniwizard.mesh.house.tools.git;

/** Why a git tool cannot do what it was asked (no repository, a path outside it, a bad branch name...). */
public class GitToolException extends Exception {

    public GitToolException(String message) {
        super(message);
    }
}

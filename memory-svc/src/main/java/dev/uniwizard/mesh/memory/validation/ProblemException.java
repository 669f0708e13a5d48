package dev.uniwizard.mesh.memory.validation;

/** A {@link Problem} thrown where a caller answers with it (the HTTP API maps it to a status and an error body). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

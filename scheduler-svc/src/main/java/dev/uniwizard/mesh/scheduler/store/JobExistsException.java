package dev.uniwizard.mesh.scheduler.store;

/** A job with this name exists already (names are unique). */
public class JobExistsException extends Exception {

    private final String name;

    public JobExistsException(String name) {
        super("a job named '" + name + "' exists already");
        this.name = name;
    }

    public String name() {
        return name;
    }
}

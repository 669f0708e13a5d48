package dev.uniwizard.mesh.scheduler.firing;

/** No job has this name. */
public class NoSuchJobException extends Exception {

    private final String name;

    public NoSuchJobException(String name) {
        super("no job named '" + name + "'");
        this.name = name;
    }

    public String name() {
        return name;
    }
}

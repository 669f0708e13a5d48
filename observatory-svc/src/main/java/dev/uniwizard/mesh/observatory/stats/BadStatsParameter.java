package dev.uniwizard.mesh.observatory.stats;

/** A query parameter of the stats API that cannot be used; answered with HTTP 400 naming the parameter. */
public class BadStatsParameter extends RuntimeException {

    private final String parameter;

    public BadStatsParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter that was wrong ({@code house}, {@code since}, {@code step}). */
    public String parameter() {
        return parameter;
    }
}

package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckState;

/**
 * A warn and a critical threshold: a value at or above {@code critical} is critical, at or above {@code warn} warn,
 * else ok.
 *
 * @param name the configuration keys' common part, for error messages (e.g. {@code observatory.checks.disk})
 */
public record Level(String name, double warn, double critical) {

    public Level {
        if (!(warn > 0) || !Double.isFinite(warn)) {
            throw new IllegalArgumentException(name + "-warn must be a positive number, was " + warn);
        }
        if (!(critical > warn) || !Double.isFinite(critical)) {
            throw new IllegalArgumentException(
                    name + "-warn (" + warn + ") must be below " + name + "-critical (" + critical + ")");
        }
    }

    /** A level for ratios of 0..1: both thresholds at most 1. */
    public static Level ratio(String name, double warn, double critical) {
        Level level = new Level(name, warn, critical);
        if (critical > 1) {
            throw new IllegalArgumentException(
                    name + "-critical is a ratio between 0 and 1 (0.9 for 90%), was " + critical);
        }
        return level;
    }

    public CheckState judge(double value) {
        if (value >= critical) {
            return CheckState.CRITICAL;
        }
        return value >= warn ? CheckState.WARN : CheckState.OK;
    }
}

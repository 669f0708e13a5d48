package dev.uniwizard.mesh.service.health;

import java.time.Duration;

/** Durations as people read them in a notice: {@code 40 s}, {@code 2 min}, {@code 3 h}, {@code 2 days}. */
public final class Ages {

    private Ages() {}

    public static String describe(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min";
        }
        if (seconds < 172_800) {
            return seconds / 3_600 + " h";
        }
        return seconds / 86_400 + " days";
    }
}

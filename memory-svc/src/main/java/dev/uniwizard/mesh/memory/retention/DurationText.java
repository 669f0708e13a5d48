package dev.uniwizard.mesh.memory.retention;

import java.time.Duration;

/** A duration as people write it in settings: {@code 90d}, {@code 12h}, {@code 30m}, {@code 45s}. */
final class DurationText {

    private DurationText() {}

    static String of(Duration duration) {
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.getSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}

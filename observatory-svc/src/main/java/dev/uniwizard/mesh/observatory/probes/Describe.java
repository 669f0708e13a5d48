package dev.uniwizard.mesh.observatory.probes;

import java.time.Duration;
import java.util.Locale;

/** How check messages write numbers: percentages, byte sizes, ages and latencies. */
final class Describe {

    private Describe() {}

    /** 0.934 → {@code 93%}; below 1% with one decimal ({@code 0.4%}). */
    static String percent(double ratio) {
        double percent = ratio * 100;
        return percent > 0 && percent < 1
                ? String.format(Locale.ROOT, "%.1f%%", percent)
                : String.format(Locale.ROOT, "%.0f%%", percent);
    }

    static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f B", bytes)
                : String.format(Locale.ROOT, "%.1f %s", bytes, units[unit]);
    }

    /** {@code 1.2 s}, {@code 45 s}, {@code 3 min}, {@code 2 h}. */
    static String age(Duration age) {
        long millis = Math.max(0, age.toMillis());
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (millis < 120_000) {
            return millis / 1000 + " s";
        }
        if (millis < 7_200_000) {
            return millis / 60_000 + " min";
        }
        return millis / 3_600_000 + " h";
    }

    /** {@code 412 ms} or {@code 2.3 s}. */
    static String millis(double millis) {
        return millis < 1000
                ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    /** An exception as {@code ConnectException: Connection refused}, never blank. */
    static String failure(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}

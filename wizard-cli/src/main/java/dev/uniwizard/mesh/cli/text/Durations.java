package dev.uniwizard.mesh.cli.text;

import java.util.Locale;

/** Short human durations for tables: {@code 45s}, {@code 3m 05s}, {@code 2h 10m}, {@code 4d 03h}. */
public final class Durations {

    private Durations() {}

    public static String uptime(Double seconds) {
        if (seconds == null || seconds < 0 || seconds.isNaN() || seconds.isInfinite()) {
            return null;
        }
        long s = (long) Math.floor(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86400, (s % 86400) / 3600);
    }

    public static String lastSeen(Double secondsAgo, boolean stale) {
        String ago;
        if (secondsAgo == null || secondsAgo < 0 || secondsAgo.isNaN() || secondsAgo.isInfinite()) {
            ago = stale ? "" : null;
        } else if (secondsAgo < 60) {
            ago = String.format(Locale.ROOT, "%.1fs ago", secondsAgo);
        } else {
            ago = uptime(secondsAgo) + " ago";
        }
        if (!stale) {
            return ago;
        }
        return ago.isEmpty() ? "STALE" : ago + " (STALE)";
    }
}

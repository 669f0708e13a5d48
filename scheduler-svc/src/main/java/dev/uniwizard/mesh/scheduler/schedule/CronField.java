package dev.uniwizard.mesh.scheduler.schedule;

import java.util.List;

/** The fields of a cron expression, their ranges and the names they accept. */
enum CronField {
    SECOND("second", 0, 59, List.of()),
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    /** 0 and 7 are Sunday, as in Unix cron (also with 6 fields: Quartz's 1 = Sunday is not used). */
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    final String label;
    final int min;
    final int max;
    /** Names in value order: the first is worth {@link #min} (month) or 0 (day of week). */
    final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** The value of a name (case-insensitive), or -1. */
    int valueOfName(String name) {
        int index = names.indexOf(name.toUpperCase(java.util.Locale.ROOT));
        if (index < 0) {
            return -1;
        }
        return this == MONTH ? index + 1 : index;
    }

    boolean allowsQuestionMark() {
        return this == DAY_OF_MONTH || this == DAY_OF_WEEK;
    }

    String range() {
        return min + "-" + max;
    }
}

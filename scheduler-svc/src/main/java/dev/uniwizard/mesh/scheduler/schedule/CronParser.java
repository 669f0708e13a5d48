package dev.uniwizard.mesh.scheduler.schedule;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Reads cron expressions: 5 fields ({@code minute hour day-of-month month day-of-week}, as in Unix cron) or 6 (seconds
 * first). Each field is a comma-separated list of {@code *}, a value, a range {@code a-b}, or either with a step
 * ({@code *}{@code /15}, {@code 0-30/10}, {@code 5/15} = from 5 to the field's end every 15). Months and days of the week
 * accept names ({@code JAN}, {@code MON-FRI}, case-insensitive); day of week 0 and 7 are Sunday and a range may end on
 * Sunday ({@code FRI-SUN}); {@code ?} means {@code *} in day-of-month and day-of-week. Shortcuts: {@code @yearly}
 * ({@code @annually}), {@code @monthly}, {@code @weekly}, {@code @daily} ({@code @midnight}), {@code @hourly}. Quartz
 * extensions ({@code L}, {@code W}, {@code #}) and a year field are not supported and get an error saying so.
 *
 * <p>Every error names the field that is wrong and why, e.g. {@code the hour field '25' is out of range 0-23}.
 */
final class CronParser {

    static final String FIELD = "schedule.cron";
    static final String SHAPE =
            "expected 5 fields (minute hour day-of-month month day-of-week) or 6 (with seconds first)";

    private static final Map<String, String> SHORTCUTS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    private static final CronField[] FIVE = {
        CronField.MINUTE, CronField.HOUR, CronField.DAY_OF_MONTH, CronField.MONTH, CronField.DAY_OF_WEEK
    };
    private static final CronField[] SIX = {
        CronField.SECOND,
        CronField.MINUTE,
        CronField.HOUR,
        CronField.DAY_OF_MONTH,
        CronField.MONTH,
        CronField.DAY_OF_WEEK
    };

    private CronParser() {}

    static CronExpression parse(String cron) throws ScheduleException {
        if (cron == null || cron.isBlank()) {
            throw new ScheduleException(FIELD, "the cron expression is empty: " + SHAPE);
        }
        String text = cron.trim();
        String expanded = text;
        if (text.startsWith("@")) {
            expanded = SHORTCUTS.get(text.toLowerCase(Locale.ROOT));
            if (expanded == null) {
                throw new ScheduleException(
                        FIELD,
                        "unknown shortcut '" + text
                                + "': use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly");
            }
        }
        String[] parts = expanded.split("\\s+");
        CronField[] fields;
        if (parts.length == 5) {
            fields = FIVE;
        } else if (parts.length == 6) {
            fields = SIX;
        } else {
            String hint = parts.length == 7 ? " (a year field is not supported)" : "";
            throw new ScheduleException(FIELD, SHAPE + ", got " + parts.length + hint);
        }
        long[] bits = new long[6];
        bits[0] = 1L; // second 0 for 5-field expressions
        boolean wildcardTime = false;
        boolean domStar = false;
        boolean dowStar = false;
        for (int i = 0; i < parts.length; i++) {
            CronField field = fields[i];
            String part = parts[i];
            bits[field.ordinal()] = parseField(field, part);
            boolean star = part.startsWith("*") || part.startsWith("?");
            switch (field) {
                case SECOND, MINUTE, HOUR -> wildcardTime |= star;
                case DAY_OF_MONTH -> domStar = star;
                case DAY_OF_WEEK -> dowStar = star;
                default -> {}
            }
        }
        long daysOfWeek = bits[CronField.DAY_OF_WEEK.ordinal()];
        if ((daysOfWeek & (1L << 7)) != 0) {
            daysOfWeek = (daysOfWeek | 1L) & ~(1L << 7);
        }
        CronExpression expression = new CronExpression(
                text,
                bits[CronField.SECOND.ordinal()],
                bits[CronField.MINUTE.ordinal()],
                bits[CronField.HOUR.ordinal()],
                bits[CronField.DAY_OF_MONTH.ordinal()],
                bits[CronField.MONTH.ordinal()],
                daysOfWeek,
                domStar,
                dowStar,
                wildcardTime);
        if (expression.nextMatch(LocalDateTime.of(2000, 1, 1, 0, 0)) == null) {
            throw new ScheduleException(FIELD, neverFires(parts, fields));
        }
        return expression;
    }

    private static String neverFires(String[] parts, CronField[] fields) {
        int offset = fields.length - 5;
        return "'" + String.join(" ", parts) + "' never fires: no date has day-of-month '" + parts[offset + 2]
                + "' in month '" + parts[offset + 3] + "'"
                + ("*".equals(parts[offset + 4]) || "?".equals(parts[offset + 4])
                        ? ""
                        : " on day-of-week '" + parts[offset + 4] + "'");
    }

    private static long parseField(CronField field, String part) throws ScheduleException {
        long bits = 0;
        String[] items = part.split(",", -1);
        for (String item : items) {
            if (item.isEmpty()) {
                throw error(field, part, null, "has an empty list element (check the commas)");
            }
            bits |= parseItem(field, part, item);
        }
        return bits;
    }

    private static long parseItem(CronField field, String part, String item) throws ScheduleException {
        String rangeText = item;
        int step = 1;
        boolean stepped = false;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            rangeText = item.substring(0, slash);
            String stepText = item.substring(slash + 1);
            step = parseStep(field, part, item, stepText);
            stepped = true;
            if (rangeText.isEmpty()) {
                throw error(
                        field, part, item, "has no range before the step: write */" + stepText + " or a-b/" + stepText);
            }
        }
        int low;
        int high;
        if (rangeText.equals("*") || rangeText.equals("?")) {
            if (rangeText.equals("?") && !field.allowsQuestionMark()) {
                throw error(field, part, null, "uses '?', which is only allowed in day-of-month and day-of-week");
            }
            if (rangeText.equals("?") && stepped) {
                throw error(field, part, item, "puts a step on '?': write */" + step + " instead");
            }
            low = field.min;
            high = field == CronField.DAY_OF_WEEK ? 6 : field.max;
        } else {
            int dash = rangeText.indexOf('-');
            if (dash >= 0) {
                low = parseValue(field, part, rangeText.substring(0, dash));
                high = parseValue(field, part, rangeText.substring(dash + 1));
                if (field == CronField.DAY_OF_WEEK && high == 0 && low > 0) {
                    high = 7; // FRI-SUN
                }
                if (low > high) {
                    throw error(
                            field,
                            part,
                            item,
                            "is a range whose start " + low + " is after its end " + high
                                    + " (ranges do not wrap around: write " + low + "-" + field.max + "," + field.min
                                    + "-" + high + ")");
                }
            } else {
                low = parseValue(field, part, rangeText);
                high = stepped ? (field == CronField.DAY_OF_WEEK ? 6 : field.max) : low;
            }
        }
        long bits = 0;
        for (int value = low; value <= high; value += step) {
            bits |= 1L << value;
        }
        return bits;
    }

    private static int parseStep(CronField field, String part, String item, String stepText) throws ScheduleException {
        if (stepText.isEmpty()) {
            throw error(field, part, item, "has no step after '/': write e.g. */15");
        }
        if (!digits(stepText)) {
            throw error(field, part, item, "has the step '" + stepText + "', which is not a number");
        }
        int step = stepText.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(stepText);
        if (step < 1 || step > field.max) {
            throw error(
                    field,
                    part,
                    item,
                    "has the step " + stepText + ": a step must be 1 to " + field.max + intervalHint(field, step));
        }
        return step;
    }

    private static int parseValue(CronField field, String part, String value) throws ScheduleException {
        if (value.isEmpty()) {
            throw error(field, part, null, "has a range with a missing end (write a-b)");
        }
        if (digits(value)) {
            int number = value.length() > 4 ? Integer.MAX_VALUE : Integer.parseInt(value);
            if (number < field.min || number > field.max) {
                throw error(field, part, value, "is out of range " + field.range() + hintForRange(field));
            }
            return number;
        }
        if (value.equals("*") || value.equals("?")) {
            throw error(field, part, null, "uses '" + value + "' inside a range: write * alone or a-b");
        }
        int named = field.names.isEmpty() ? -1 : field.valueOfName(value);
        if (named >= 0) {
            return named;
        }
        throw error(field, part, value, notAValue(field, value));
    }

    private static String notAValue(CronField field, String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        String quartz = (upper.contains("L") || upper.contains("W") || upper.contains("#"))
                        && (field == CronField.DAY_OF_MONTH || field == CronField.DAY_OF_WEEK)
                        && !field.names.contains(upper)
                ? " (the Quartz extensions L, W and # are not supported)"
                : "";
        if (field.names.isEmpty()) {
            return "is not a number " + field.range() + quartz;
        }
        return "is not a number " + field.range() + " or a " + (field == CronField.MONTH ? "month" : "day") + " name ("
                + String.join(", ", field.names) + ")" + quartz;
    }

    /** Steps cannot cross a field's end (*{@code /90} minutes is not every 90 minutes): point at intervals. */
    private static String intervalHint(CronField field, int step) {
        long unit =
                switch (field) {
                    case SECOND -> 1;
                    case MINUTE -> 60;
                    case HOUR -> 3600;
                    default -> 0;
                };
        if (unit == 0 || step <= field.max || step > 1_000_000) {
            return "";
        }
        return " (steps do not carry over into the next "
                + (field == CronField.HOUR ? "day" : field == CronField.MINUTE ? "hour" : "minute") + "; for every "
                + step + " " + field.label + "s use everySeconds: "
                + step * unit + ")";
    }

    private static String hintForRange(CronField field) {
        return switch (field) {
            case DAY_OF_WEEK -> " (0 and 7 are Sunday; names SUN-SAT also work)";
            case MONTH -> " (names JAN-DEC also work)";
            default -> "";
        };
    }

    private static boolean digits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code the <field> field '<part>' <reason>} when the culprit is the whole field, else
     * {@code the <field> field '<part>': '<culprit>' <reason>}.
     */
    private static ScheduleException error(CronField field, String part, String culprit, String reason) {
        String where = "the " + field.label + " field '" + part + "'";
        if (culprit == null || culprit.equals(part)) {
            return new ScheduleException(FIELD, where + " " + reason);
        }
        return new ScheduleException(FIELD, where + ": '" + culprit + "' " + reason);
    }
}

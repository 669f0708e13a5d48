package dev.uniwizard.mesh.core.observatory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The outcome of one check, serialized in lower case. {@link #ERROR} means the check itself could not run (the thing
 * checked may be fine); it is worse than {@link #WARN} for {@link #worst} but is its own kind of problem.
 */
public enum CheckState {
    OK,
    WARN,
    CRITICAL,
    ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The number exported as {@code mesh_observatory_check_state}: 0 ok, 1 warn, 2 critical, 3 error. */
    public int code() {
        return ordinal();
    }

    /** True for {@link #CRITICAL} and {@link #ERROR}. */
    public boolean isProblem() {
        return this == CRITICAL || this == ERROR;
    }

    /** The worse of two states, by {@link #severity()}. */
    public static CheckState worst(CheckState a, CheckState b) {
        return a.severity() >= b.severity() ? a : b;
    }

    /** ok 0, warn 1, error 2, critical 3: a failing thing is worse than a check that could not look at it. */
    public int severity() {
        return switch (this) {
            case OK -> 0;
            case WARN -> 1;
            case ERROR -> 2;
            case CRITICAL -> 3;
        };
    }

    @JsonCreator
    public static CheckState fromWire(String value) {
        for (CheckState state : values()) {
            if (state.wireName().equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown check state '" + value + "', expected one of "
                + Arrays.stream(values()).map(CheckState::wireName).collect(Collectors.joining(", ")));
    }
}

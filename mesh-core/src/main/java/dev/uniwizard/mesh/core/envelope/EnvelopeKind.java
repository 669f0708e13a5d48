package dev.uniwizard.mesh.core.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an envelope carries; serialized in lower case. */
public enum EnvelopeKind {
    MESSAGE,
    TASK,
    REPLY,
    EVENT,
    WEBHOOK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static EnvelopeKind fromWire(String value) {
        for (EnvelopeKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown envelope kind '" + value + "', expected one of "
                + Arrays.stream(values()).map(EnvelopeKind::wireName).collect(Collectors.joining(", ")));
    }
}

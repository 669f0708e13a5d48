package dev.uniwizard.mesh.core.trust;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a node is trusted to do. Consumers accept envelopes only from the roles that may send them. */
public enum NodeRole {
    GATEWAY,
    ROUTER,
    HOUSE,
    SERVICE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NodeRole fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown node role '" + value + "', expected gateway, router, house or service");
        }
    }
}

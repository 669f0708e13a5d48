package dev.uniwizard.mesh.house.tools;

import java.util.Locale;

/** The JSON Schema type of a tool parameter. Values always reach a tool as text; the registry checks they parse. */
public enum ParamType {
    STRING,
    INTEGER,
    NUMBER,
    BOOLEAN;

    /** The JSON Schema {@code type} keyword value. */
    public String schemaType() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code value} is a valid text form of this type. */
    public boolean accepts(String value) {
        return switch (this) {
            case STRING -> true;
            case INTEGER -> value.matches("-?\\d{1,18}");
            case NUMBER -> value.matches("-?\\d{1,18}(\\.\\d{1,18})?([eE][+-]?\\d{1,3})?");
            case BOOLEAN -> value.equals("true") || value.equals("false");
        };
    }
}

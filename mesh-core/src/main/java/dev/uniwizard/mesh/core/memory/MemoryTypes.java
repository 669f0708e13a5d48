package dev.uniwizard.mesh.core.memory;

import java.util.List;

/** The kinds of project memory (Hermes v2): what a piece of remembered knowledge is. */
public final class MemoryTypes {

    /** A choice made, with its reason ("we use Jdbi, not Hibernate, because..."). */
    public static final String DECISION = "decision";

    /** A way of working that proved itself and should be repeated. */
    public static final String PATTERN = "pattern";

    /** Something that was wrong and how it is right. */
    public static final String CORRECTION = "correction";

    /** How the system is built. */
    public static final String ARCHITECTURE = "architecture";

    public static final List<String> ALL = List.of(DECISION, PATTERN, CORRECTION, ARCHITECTURE);

    private MemoryTypes() {}

    public static boolean isKnown(String type) {
        return type != null && ALL.contains(type);
    }
}

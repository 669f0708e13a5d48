package dev.uniwizard.mesh.core.memory;

import java.util.List;

/** What a search looks through: messages, project memory, conversation summaries, or all of them. */
public final class SearchScope {

    public static final String ALL = "all";
    public static final String MESSAGES = "messages";
    public static final String MEMORY = "memory";
    public static final String SUMMARIES = "summaries";

    public static final List<String> VALUES = List.of(ALL, MESSAGES, MEMORY, SUMMARIES);

    private SearchScope() {}
}

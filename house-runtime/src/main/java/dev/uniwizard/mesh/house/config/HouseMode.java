package dev.uniwizard.mesh.house.config;

/** How a house answers. Only {@link #SIMPLE} is available in this version. */
public enum HouseMode {
    /** Commands only: {@code /tool NAME key=value ...} runs a tool, anything else gets the help text. */
    SIMPLE,
    /** A language model reads the message and calls tools (a later version). */
    INTELLIGENT,
    /** Like {@link #INTELLIGENT}, with operator approval before tools that change anything (a later version). */
    SOVEREIGN
}

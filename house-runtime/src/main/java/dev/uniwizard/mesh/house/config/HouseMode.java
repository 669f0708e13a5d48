package dev.uniwizard.mesh.house.config;

/** How a house answers plain text. Commands ({@code /tool}, {@code /help}, {@code /mode}) work in every mode. */
public enum HouseMode {
    /** Commands only: {@code /tool NAME key=value ...} runs a tool, anything else gets the help text. */
    SIMPLE,
    /** A language model reads the message and calls tools through the execution engine. */
    INTELLIGENT,
    /** Like {@link #INTELLIGENT}, and every call with side effects waits for a recorded approval. */
    SOVEREIGN
}

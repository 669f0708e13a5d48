package dev.uniwizard.mesh.memory.historian;

import java.util.List;

/** The summaries of one conversation, newest first. */
public record ConversationSummaries(String conversationId, List<StoredSummary> summaries) {}

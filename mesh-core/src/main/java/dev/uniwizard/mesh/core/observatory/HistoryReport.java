package dev.uniwizard.mesh.core.observatory;

import java.util.List;

/**
 * The last N state changes and the last N notifications, newest first: answered by
 * {@code GET /api/v1/history?limit=N}.
 */
public record HistoryReport(List<CheckTransition> transitions, List<AlertRecord> alerts) {}

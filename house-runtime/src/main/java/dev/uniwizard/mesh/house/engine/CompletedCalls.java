package dev.uniwizard.mesh.house.engine;

import dev.uniwizard.mesh.house.tools.ToolCall;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The side-effecting calls this process has run, per task: when a task is delivered again (memory was down when the
 * turn ended, say), the same call of the same task is answered from here instead of running twice, so a comment is not
 * posted twice. Bounded; a task redelivered to another replica is not covered (its reply and messages are still
 * deduplicated by id).
 */
@Singleton
public class CompletedCalls {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, ToolOutcome> byKey = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ToolOutcome> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public synchronized Optional<ToolOutcome> find(String taskId, String tool, Map<String, String> arguments) {
        return Optional.ofNullable(byKey.get(key(taskId, tool, arguments)));
    }

    public synchronized void remember(String taskId, ToolOutcome outcome) {
        byKey.put(key(taskId, outcome.tool(), outcome.arguments()), outcome);
    }

    private static String key(String taskId, String tool, Map<String, String> arguments) {
        return taskId + "|" + tool + "|" + new ToolCall(tool, arguments).argumentsDigest();
    }
}

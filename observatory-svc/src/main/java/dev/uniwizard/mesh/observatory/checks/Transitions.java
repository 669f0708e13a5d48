package dev.uniwizard.mesh.observatory.checks;

import dev.uniwizard.mesh.core.observatory.CheckResult;
import dev.uniwizard.mesh.core.observatory.CheckState;
import dev.uniwizard.mesh.core.observatory.CheckTransition;
import java.util.List;
import java.util.Map;

/** Which checks changed state: pure logic over the last known states and the new results. */
public final class Transitions {

    private Transitions() {}

    /**
     * A transition for every result whose state differs from the check's last known state, and for every check with
     * no known state ({@code from} null), in the results' order.
     */
    public static List<CheckTransition> between(Map<String, CheckState> lastStates, List<CheckResult> results) {
        return results.stream()
                .filter(result -> lastStates.get(result.id()) != result.state())
                .map(result -> new CheckTransition(
                        result.id(),
                        lastStates.get(result.id()),
                        result.state(),
                        result.value(),
                        result.message(),
                        result.at()))
                .toList();
    }
}

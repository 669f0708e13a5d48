package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code house.loop.*}: budgets of one model turn; when one runs out the operator is told what was done. */
public interface LoopConfig {

    /** Model calls per turn. */
    @WithDefault("8")
    int maxSteps();

    /** Tool calls per turn, over all steps. */
    @WithDefault("32")
    int maxToolCalls();

    /** Wall time of a turn (approval waits included). */
    @WithDefault("15m")
    Duration timeBudget();

    /**
     * How many deliveries of a task may find the model unreachable before the operator gets a final
     * {@code model_unavailable} answer (the first failure already tells them the task is being retried). Keep it below
     * the task consumer's max deliver (5).
     */
    @WithDefault("3")
    int modelAttemptsPerTask();

    /** Longest tool output given to the model, in characters; longer output is cut with a note. */
    @WithDefault("16000")
    int maxToolOutputChars();
}

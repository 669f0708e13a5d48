package dev.uniwizard.mesh.house.engine;

/** Where every decided tool call is recorded; {@link ToolCallRecorder} counts it and publishes an event. */
public interface ToolCallSink {

    void record(TurnContext turn, ToolOutcome outcome);
}

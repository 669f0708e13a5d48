package dev.uniwizard.mesh.house.tools.builtin;

import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolCall;
import dev.uniwizard.mesh.house.tools.ToolParameter;
import dev.uniwizard.mesh.house.tools.ToolResult;
import jakarta.inject.Singleton;
import java.util.List;

/** Answers with the text it was given: the simplest proof that a house is listening. */
@Singleton
public class EchoTool implements Tool {

    public static final String NAME = "echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Replies with the given text.";
    }

    @Override
    public List<ToolParameter> parameters() {
        return List.of(ToolParameter.required("text", "the text to send back"));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolResult execute(ToolCall call) {
        return ToolResult.ok(call.required("text"));
    }
}

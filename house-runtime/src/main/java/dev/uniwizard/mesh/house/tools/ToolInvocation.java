package dev.uniwizard.mesh.house.tools;

/** How one attempt to run a tool ended. */
public sealed interface ToolInvocation {

    /** A metric tag value for the outcome. */
    String outcome();

    /** The tool ran; its result may still report a failure. */
    record Completed(Tool tool, ToolResult result) implements ToolInvocation {
        @Override
        public String outcome() {
            return result.ok() ? "ok" : "failed";
        }
    }

    /** No tool has that name. */
    record UnknownTool(String name) implements ToolInvocation {
        @Override
        public String outcome() {
            return "unknown_tool";
        }
    }

    /** The arguments do not fit the tool's parameters; {@code problem} says how. */
    record BadArguments(Tool tool, String problem) implements ToolInvocation {
        @Override
        public String outcome() {
            return "bad_arguments";
        }
    }

    /** The tool threw; {@code problem} describes the exception. */
    record Crashed(Tool tool, String problem) implements ToolInvocation {
        @Override
        public String outcome() {
            return "error";
        }
    }
}

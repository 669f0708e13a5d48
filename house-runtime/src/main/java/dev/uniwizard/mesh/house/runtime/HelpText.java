package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.persona.Persona;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolRegistry;
import java.util.Locale;

/** The texts that tell the operator who the house is and what it understands. */
final class HelpText {

    private HelpText() {}

    /** Persona line, who and in which mode, the commands and the tools. */
    static String help(HouseConfig config, Persona persona, ToolRegistry tools, String preface) {
        StringBuilder text = new StringBuilder(persona.firstLine()).append("\n\n");
        if (preface != null) {
            text.append(preface).append("\n\n");
        }
        text.append("This is ")
                .append(config.title())
                .append(" (house '")
                .append(config.name())
                .append("'), in ")
                .append(config.mode().name())
                .append(" mode.\n\n");
        appendCommands(text);
        text.append("\nTools:\n");
        for (Tool tool : tools.all()) {
            text.append("  ").append(tool.name()).append(" - ").append(tool.description());
            if (!tool.parameters().isEmpty()) {
                text.append(" (").append(ToolRegistry.usage(tool)).append(")");
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }

    static String modeUnavailable(HouseConfig config, Persona persona, ToolRegistry tools) {
        String mode = config.mode().name();
        return help(
                config,
                persona,
                tools,
                config.title() + " is configured for " + mode + " mode, but only SIMPLE mode is available in this"
                        + " version; set house.mode=simple to use the commands below ("
                        + mode.toLowerCase(Locale.ROOT) + " mode is not running, nothing was done).");
    }

    static void appendCommands(StringBuilder text) {
        text.append("Commands:\n")
                .append("  /tool NAME key=value ...  run a tool; quote values with spaces: key=\"two words\"\n")
                .append("  /help                     show this text\n");
    }
}

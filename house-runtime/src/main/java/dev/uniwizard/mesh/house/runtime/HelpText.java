package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.house.config.HouseConfig;
import dev.uniwizard.mesh.house.config.HouseMode;
import dev.uniwizard.mesh.house.persona.Persona;
import dev.uniwizard.mesh.house.tools.Tool;
import dev.uniwizard.mesh.house.tools.ToolRegistry;

/** The texts that tell the operator who the house is and what it understands. */
final class HelpText {

    private HelpText() {}

    /** Persona line, who and in which mode, the commands and the tools. */
    static String help(HouseConfig config, Persona persona, ToolRegistry tools, HouseMode mode, String preface) {
        StringBuilder text = new StringBuilder(persona.firstLine()).append("\n\n");
        if (preface != null) {
            text.append(preface).append("\n\n");
        }
        text.append("This is ")
                .append(config.title())
                .append(" (house '")
                .append(config.name())
                .append("'), in ")
                .append(mode.name())
                .append(" mode.");
        if (mode != HouseMode.SIMPLE) {
            text.append(" Write in plain words and I work with my tools; commands work too.");
        }
        text.append("\n\n");
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

    static void appendCommands(StringBuilder text) {
        text.append("Commands:\n")
                .append("  /tool NAME key=value ...  run a tool; quote values with spaces: key=\"two words\"\n")
                .append("  /mode MODE ...            answer this message in simple, intelligent or sovereign mode\n")
                .append("  /help                     show this text\n");
    }
}

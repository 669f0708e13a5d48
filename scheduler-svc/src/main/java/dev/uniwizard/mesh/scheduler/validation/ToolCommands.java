package dev.uniwizard.mesh.scheduler.validation;

import java.util.Map;

/**
 * Writes a tool target as the {@code /tool NAME key=value key2="quoted value"} command the houses read (house-runtime
 * {@code CommandParser}): values with spaces, quotes, backslashes or nothing in them are double-quoted, with {@code \}
 * and {@code "} escaped by a backslash, so that the house reads back exactly the value that was stored.
 */
public final class ToolCommands {

    private ToolCommands() {}

    /** The command text for a checked tool and its args (see {@link JobRules}). */
    public static String render(String tool, Map<String, String> args) {
        StringBuilder text = new StringBuilder("/tool ").append(tool);
        if (args != null) {
            for (Map.Entry<String, String> arg : args.entrySet()) {
                text.append(' ').append(arg.getKey()).append('=').append(value(arg.getValue()));
            }
        }
        return text.toString();
    }

    private static String value(String value) {
        if (!needsQuotes(value)) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty() || value.charAt(0) == '"' || value.charAt(0) == '\'') {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '\\' || c == '"') {
                return true;
            }
        }
        return false;
    }
}

package dev.uniwizard.mesh.house.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One permission rule: a tool-name pattern with an optional argument pattern in parentheses.
 *
 * <ul>
 *   <li>{@code git_*}: every tool whose name starts with {@code git_}; {@code *} alone matches every tool.
 *   <li>{@code file_write(*.md)}: file_write on a target matching the glob. In the argument, {@code *} matches within
 *       one path segment, {@code **} across segments and {@code ?} one character; a glob without {@code /} is matched
 *       against the file name as well as the whole path, so {@code *.md} matches {@code docs/guide.md}.
 *   <li>{@code shell(git:*)}: a target that is {@code git} or starts with {@code git } (command prefix) or
 *       {@code git:} (so {@code send_message(telegram:*)} covers {@code telegram:12345}).
 * </ul>
 *
 * A rule with an argument pattern matches only calls whose tool has a target (see
 * {@link dev.uniwizard.mesh.house.tools.Tool#target}).
 */
public final class PermissionRule {

    private static final Pattern SYNTAX = Pattern.compile("([a-z0-9_*?]+)(?:\\((.+)\\))?");

    private final String text;
    private final Pattern tool;
    private final String argument;
    private final Pattern argumentPattern;
    private final boolean matchFileName;
    private final String commandPrefix;

    private PermissionRule(String text, String toolGlob, String argument) {
        this.text = text;
        this.tool = Pattern.compile(globToRegex(toolGlob, true));
        this.argument = argument;
        if (argument == null) {
            this.argumentPattern = null;
            this.matchFileName = false;
            this.commandPrefix = null;
        } else if (argument.endsWith(":*")) {
            this.argumentPattern = null;
            this.matchFileName = false;
            this.commandPrefix = argument.substring(0, argument.length() - 2);
        } else {
            this.argumentPattern = Pattern.compile(globToRegex(argument, false));
            this.matchFileName = !argument.contains("/");
            this.commandPrefix = null;
        }
    }

    /** Reads a rule, or says precisely what is wrong with it. */
    public static PermissionRule parse(String text) {
        String rule = text == null ? "" : text.strip();
        var matcher = SYNTAX.matcher(rule);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("permission rule '" + text
                    + "' is not valid: write a tool name or pattern (git_*, file_read, *), optionally followed by an"
                    + " argument pattern in parentheses (file_write(*.md), shell(git:*))");
        }
        return new PermissionRule(rule, matcher.group(1), matcher.group(2));
    }

    /** Whether the rule covers a call of {@code toolName} with the given target. */
    public boolean matches(String toolName, Optional<String> target) {
        if (!tool.matcher(toolName).matches()) {
            return false;
        }
        if (argument == null) {
            return true;
        }
        if (target.isEmpty()) {
            return false;
        }
        String value = target.get();
        if (commandPrefix != null) {
            return value.equals(commandPrefix)
                    || value.startsWith(commandPrefix + " ")
                    || value.startsWith(commandPrefix + ":");
        }
        if (argumentPattern.matcher(value).matches()) {
            return true;
        }
        return matchFileName
                && argumentPattern
                        .matcher(value.substring(value.lastIndexOf('/') + 1))
                        .matches();
    }

    /** The rule as written. */
    @Override
    public String toString() {
        return text;
    }

    private static String globToRegex(String glob, boolean toolName) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append(toolName ? ".*" : "[^/]*");
            } else if (c == '?') {
                regex.append(toolName ? "." : "[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}

package dev.uniwizard.mesh.house.command;

import dev.uniwizard.mesh.house.tools.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads operator commands:
 *
 * <pre>
 * /tool NAME key=value key2="quoted value" key3='single quoted'
 * /help
 * </pre>
 *
 * Inside quotes a backslash escapes the next character ({@code \n} and {@code \t} are a newline and a tab). Anything
 * that does not start with {@code /tool} is a request for help. Pure and thread-safe.
 */
public final class CommandParser {

    public static final String TOOL = "/tool";
    public static final String HELP = "/help";

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    private CommandParser() {}

    public static Command parse(String text) throws ParseException {
        if (text == null) {
            return new Command.Help(false);
        }
        Cursor in = new Cursor(text);
        in.skipSpaces();
        if (!in.startsWithWord(TOOL)) {
            return new Command.Help(in.startsWithWord(HELP));
        }
        in.advance(TOOL.length());
        in.skipSpaces();
        if (in.atEnd()) {
            throw new ParseException("missing tool name after " + TOOL, in.pos);
        }
        String tool = in.readWord();
        Map<String, String> arguments = new LinkedHashMap<>();
        in.skipSpaces();
        while (!in.atEnd()) {
            readArgument(in, arguments);
            in.skipSpaces();
        }
        return new Command.RunTool(new ToolCall(tool, arguments));
    }

    private static void readArgument(Cursor in, Map<String, String> arguments) throws ParseException {
        int keyStart = in.pos;
        while (!in.atEnd() && in.peek() != '=' && !in.atSpace()) {
            in.advance(1);
        }
        String key = in.text.substring(keyStart, in.pos);
        if (in.atEnd() || in.atSpace()) {
            throw new ParseException("expected key=value but found '" + key + "'", keyStart);
        }
        if (key.isEmpty()) {
            throw new ParseException("'=' without a key", in.pos);
        }
        if (!KEY.matcher(key).matches()) {
            throw new ParseException(
                    "invalid key '" + key + "' (keys use letters, digits, '_' or '-' and start with a letter)",
                    keyStart);
        }
        if (arguments.containsKey(key)) {
            throw new ParseException("duplicate key '" + key + "'", keyStart);
        }
        in.advance(1); // '='
        String value = in.atEnd() || (in.peek() != '"' && in.peek() != '\'') ? in.readWord() : readQuoted(in);
        arguments.put(key, value);
    }

    private static String readQuoted(Cursor in) throws ParseException {
        int open = in.pos;
        char quote = in.peek();
        in.advance(1);
        StringBuilder value = new StringBuilder();
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '\\' && in.pos + 1 < in.text.length()) {
                value.append(unescape(in.text.charAt(in.pos + 1)));
                in.advance(2);
            } else if (c == quote) {
                in.advance(1);
                if (!in.atEnd() && !in.atSpace()) {
                    throw new ParseException("expected a space after the closing quote", in.pos);
                }
                return value.toString();
            } else {
                value.append(c);
                in.advance(1);
            }
        }
        throw new ParseException("unterminated " + (quote == '"' ? "double" : "single") + " quote", open);
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> c;
        };
    }

    /** A position in the text being read. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        char peek() {
            return text.charAt(pos);
        }

        boolean atSpace() {
            return Character.isWhitespace(peek());
        }

        void advance(int count) {
            pos += count;
        }

        void skipSpaces() {
            while (!atEnd() && atSpace()) {
                pos++;
            }
        }

        /** True when the text continues with {@code word} followed by a space or the end. */
        boolean startsWithWord(String word) {
            int end = pos + word.length();
            return text.startsWith(word, pos) && (end == text.length() || Character.isWhitespace(text.charAt(end)));
        }

        String readWord() {
            int start = pos;
            while (!atEnd() && !atSpace()) {
                pos++;
            }
            return text.substring(start, pos);
        }
    }
}

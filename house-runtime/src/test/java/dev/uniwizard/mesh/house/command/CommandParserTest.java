package dev.uniwizard.mesh.house.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.house.tools.ToolCall;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    @Test
    void readsAToolWithoutArguments() throws Exception {
        assertThat(call("/tool system_info")).isEqualTo(new ToolCall("system_info", Map.of()));
    }

    @Test
    void readsPlainDoubleAndSingleQuotedValues() throws Exception {
        ToolCall call = call("/tool echo a=1 b=\"two words\" c='single one'");

        assertThat(call.tool()).isEqualTo("echo");
        assertThat(call.arguments())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "two words", "c", "single one"));
    }

    @Test
    void unescapesInsideQuotes() throws Exception {
        ToolCall call = call("/tool echo text=\"say \\\"hi\\\" \\\\ to 'them'\\n\\tnow\" other='it\\'s'");

        assertThat(call.arguments().get("text")).isEqualTo("say \"hi\" \\ to 'them'\n\tnow");
        assertThat(call.arguments().get("other")).isEqualTo("it's");
    }

    @Test
    void acceptsEmptyValuesEqualsSignsInValuesAndExtraSpaces() throws Exception {
        ToolCall call = call("   /tool   echo   text=   url=a=b  quoted=\"\"  ");

        assertThat(call.arguments()).containsExactlyInAnyOrderEntriesOf(Map.of("text", "", "url", "a=b", "quoted", ""));
    }

    @Test
    void treatsHelpAndOrdinaryTextAsRequestsForHelp() throws Exception {
        assertThat(CommandParser.parse("/help")).isEqualTo(new Command.Help(true));
        assertThat(CommandParser.parse("  /help me")).isEqualTo(new Command.Help(true));
        assertThat(CommandParser.parse("hello there")).isEqualTo(new Command.Help(false));
        assertThat(CommandParser.parse("/tools")).isEqualTo(new Command.Help(false));
        assertThat(CommandParser.parse("")).isEqualTo(new Command.Help(false));
        assertThat(CommandParser.parse(null)).isEqualTo(new Command.Help(false));
    }

    @Test
    void missingToolNameIsAnError() {
        assertFails("/tool", "missing tool name after /tool", 6);
        assertFails("/tool   ", "missing tool name after /tool", 9);
    }

    @Test
    void unterminatedQuotePointsAtTheOpeningQuote() {
        assertFails("/tool echo text=\"hi", "unterminated double quote", 17);
        assertFails("/tool echo a=1 text='hi\\'", "unterminated single quote", 21);
    }

    @Test
    void equalsWithoutKeyIsAnError() {
        assertFails("/tool echo =value", "'=' without a key", 12);
    }

    @Test
    void duplicateKeyIsAnError() {
        assertFails("/tool echo text=a text=b", "duplicate key 'text'", 19);
    }

    @Test
    void badKeyCharactersAreAnError() {
        assertFails("/tool echo te$t=1", "invalid key 'te$t'", 12);
        assertFails("/tool echo 1text=1", "invalid key '1text'", 12);
    }

    @Test
    void wordWithoutValueIsAnError() {
        assertFails("/tool echo hello", "expected key=value but found 'hello'", 12);
    }

    @Test
    void textGluedToAClosingQuoteIsAnError() {
        assertFails("/tool echo text=\"a\"b", "expected a space after the closing quote", 20);
    }

    private static ToolCall call(String text) throws ParseException {
        Command command = CommandParser.parse(text);
        assertThat(command).isInstanceOf(Command.RunTool.class);
        return ((Command.RunTool) command).call();
    }

    private static void assertFails(String text, String problem, int column) {
        assertThatThrownBy(() -> CommandParser.parse(text))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith(problem)
                .hasMessageEndingWith(" at column " + column)
                .satisfies(e -> assertThat(((ParseException) e).column()).isEqualTo(column));
    }
}

package dev.uniwizard.mesh.scheduler.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCommandsTest {

    @Test
    void plainValuesStayBareAndOthersAreQuotedAndEscaped() {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("path", "/var/lib");
        args.put("text", "two words");
        args.put("empty", "");
        args.put("quote", "say \"hi\"");
        args.put("windows", "C:\\temp");
        args.put("single", "'x'");
        args.put("eq", "a=b");

        assertThat(ToolCommands.render("echo", args))
                .isEqualTo("/tool echo path=/var/lib text=\"two words\" empty=\"\" quote=\"say \\\"hi\\\"\" "
                        + "windows=\"C:\\\\temp\" single=\"'x'\" eq=a=b");
    }

    @Test
    void noArgsIsJustTheTool() {
        assertThat(ToolCommands.render("uptime", Map.of())).isEqualTo("/tool uptime");
        assertThat(ToolCommands.render("uptime", null)).isEqualTo("/tool uptime");
    }
}

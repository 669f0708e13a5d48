package dev.uniwizard.mesh.house.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.house.tools.builtin.EchoTool;
import dev.uniwizard.mesh.house.tools.builtin.SystemInfoTool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    @Test
    void listsToolsByName() {
        ToolRegistry registry = new ToolRegistry(List.of(new SystemInfoTool("ezra", "ezra-1"), new EchoTool()));

        assertThat(registry.names()).containsExactly("echo", "system_info");
        assertThat(registry.find("echo")).containsInstanceOf(EchoTool.class);
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void twoToolsWithTheSameNameFailStartUp() {
        assertThatThrownBy(
                        () -> new ToolRegistry(List.of(new EchoTool(), new SystemInfoTool("e", "n"), new EchoTool())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two tools are named 'echo'")
                .hasMessageContaining(EchoTool.class.getName());
    }

    @Test
    void badlyNamedToolFailsStartUp() {
        Tool badlyNamed = new EchoTool() {
            @Override
            public String name() {
                return "Echo Me";
            }
        };

        assertThatThrownBy(() -> new ToolRegistry(List.of(badlyNamed)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid name 'Echo Me'");
    }

    @Test
    void checksArgumentsAgainstTheParameters() {
        Tool echo = new EchoTool();

        assertThat(ToolRegistry.checkArguments(echo, new ToolCall("echo", Map.of("text", "hi"))))
                .isEmpty();
        assertThat(ToolRegistry.checkArguments(echo, new ToolCall("echo", Map.of("a", "1", "b", "2"))))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .contains("missing required parameter 'text'", "unknown parameters 'a', 'b'"));
        assertThat(ToolRegistry.usage(new SystemInfoTool("e", "n")))
                .isEqualTo("Usage: /tool system_info (no parameters)");
    }
}

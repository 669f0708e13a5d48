package dev.uniwizard.mesh.house.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.house.tools.builtin.EchoTool;
import dev.uniwizard.mesh.house.tools.builtin.SystemInfoTool;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void valuesTheToolRefusesAreBadArgumentsInTheToolsWords() {
        Tool picky = new EchoTool() {
            @Override
            public Optional<String> validate(ToolCall call) {
                return call.required("text").isBlank() ? Optional.of("text is blank; say something") : Optional.empty();
            }
        };

        assertThat(ToolRegistry.checkArguments(picky, new ToolCall("echo", Map.of("text", " "))))
                .contains("tool 'echo': text is blank; say something.");
        assertThat(ToolRegistry.checkArguments(picky, new ToolCall("echo", Map.of("text", "hi"))))
                .isEmpty();
        // The tool's own check only sees calls whose parameters are complete.
        assertThat(ToolRegistry.checkArguments(picky, new ToolCall("echo", Map.of())))
                .hasValueSatisfying(problem -> assertThat(problem).contains("missing required parameter 'text'"));
    }

    @Test
    void numbersAreCheckedAsNumbers() {
        Tool scored = new EchoTool() {
            @Override
            public List<ToolParameter> parameters() {
                return List.of(ToolParameter.required("score", ParamType.NUMBER, "a score"));
            }
        };

        for (String number : List.of("0", "0.5", "-2", "1.0E-5", "3e2")) {
            assertThat(ToolRegistry.checkArguments(scored, new ToolCall("echo", Map.of("score", number))))
                    .as(number)
                    .isEmpty();
        }
        assertThat(ToolRegistry.checkArguments(scored, new ToolCall("echo", Map.of("score", "high"))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("'score' must be a number but is 'high'"));
        assertThat(ParamType.NUMBER.schemaType()).isEqualTo("number");
    }
}

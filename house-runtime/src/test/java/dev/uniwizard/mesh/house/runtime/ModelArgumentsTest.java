package dev.uniwizard.mesh.house.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.house.engine.ToolRequest;
import dev.uniwizard.mesh.house.model.ModelToolCall;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelArgumentsTest {

    @Test
    void jsonValuesBecomeTheirTextAndNullsAreAbsent() {
        ToolRequest request = ModelArguments.read(
                new ModelToolCall("c1", "file_list", "{\"path\":\"docs\",\"recursive\":true,\"limit\":5,\"x\":null}"));

        assertThat(request.problem()).isNull();
        assertThat(request.call().arguments()).isEqualTo(Map.of("path", "docs", "recursive", "true", "limit", "5"));
    }

    @Test
    void emptyArgumentsAreAnEmptyObject() {
        assertThat(ModelArguments.read(new ModelToolCall("c1", "system_info", ""))
                        .call()
                        .arguments())
                .isEmpty();
    }

    @Test
    void invalidJsonIsAProblemForTheModelNotACrash() {
        ToolRequest request = ModelArguments.read(new ModelToolCall("c1", "file_read", "{\"path\": \"a.md\""));

        assertThat(request.problem()).contains("not valid JSON", "file_read", "{\"path\": \"a.md\"");
        assertThat(request.call().tool()).isEqualTo("file_read");
    }

    @Test
    void nonObjectsAndNestedValuesAreProblems() {
        assertThat(ModelArguments.read(new ModelToolCall("c1", "echo", "[1,2]")).problem())
                .contains("must be a JSON object, not array");
        assertThat(ModelArguments.read(new ModelToolCall("c1", "echo", "{\"text\":{\"a\":1}}"))
                        .problem())
                .contains("Parameter 'text'", "not an object");
    }
}

package dev.uniwizard.mesh.memory.historian;

import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link ScriptedChatServer} and configures it as the summary model of house {@code ezra}; house
 * {@code bezalel} gets a model whose API key variable is not set. Injects the server into the test's
 * {@code ScriptedChatServer} field.
 */
public class ScriptedModelResource implements QuarkusTestResourceLifecycleManager {

    static final String MODEL_NAME = "summary-model";
    static final String UNSET_KEY_VARIABLE = "UNIWIZARD_HISTORIAN_TEST_UNSET_KEY";

    private ScriptedChatServer server;

    @Override
    public Map<String, String> start() {
        server = ScriptedChatServer.start();
        return Map.of(
                "memory.historian.models.ezra.base-url",
                server.baseUrl(),
                "memory.historian.models.ezra.name",
                MODEL_NAME,
                "memory.historian.models.ezra.timeout",
                "10s",
                "memory.historian.models.bezalel.base-url",
                server.baseUrl(),
                "memory.historian.models.bezalel.name",
                "bezalel-model",
                "memory.historian.models.bezalel.api-key-env",
                UNSET_KEY_VARIABLE);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server, new TestInjector.MatchesType(ScriptedChatServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}

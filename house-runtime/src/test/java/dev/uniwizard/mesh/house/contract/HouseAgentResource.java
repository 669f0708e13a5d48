package dev.uniwizard.mesh.house.contract;

import dev.uniwizard.mesh.testkit.llm.ScriptedChatServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a house's agent test needs besides NATS: a scripted OpenAI-compatible model server (a real HTTP server) and a
 * fresh workspace directory. Init arg {@code proof-command} sets {@code house.proof.command}. Shipped in the test-jar.
 */
public class HouseAgentResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ScriptedChatServer model;
    private static volatile Path workspace;
    private String proofCommand;

    /** The model server of the running test. */
    public static ScriptedChatServer model() {
        return model;
    }

    /** The house's workspace root of the running test. */
    public static Path workspace() {
        return workspace;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        proofCommand = initArgs.get("proof-command");
    }

    @Override
    public Map<String, String> start() {
        model = ScriptedChatServer.start();
        try {
            workspace = Files.createTempDirectory("house-workspace-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("house.model.base-url", model.baseUrl());
        config.put("house.workspace.roots", workspace.toString());
        if (proofCommand != null) {
            config.put("house.proof.command", proofCommand);
        }
        return config;
    }

    @Override
    public void stop() {
        model.close();
        try (Stream<Path> paths = Files.walk(workspace)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}

package dev.uniwizard.mesh.house.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uniwizard.mesh.core.payload.HouseFacts;
import dev.uniwizard.mesh.house.config.HouseConfigs;
import dev.uniwizard.mesh.house.model.ModelException;
import dev.uniwizard.mesh.testkit.platforms.RecordingHttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The model login check against a real HTTP server playing the OpenAI-compatible {@code GET /v1/models}. */
class ModelLoginTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String KEY = "sk-test-key";

    private final FakeModels models = new FakeModels();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        models.close();
    }

    @Test
    void nothingIsKnownBeforeTheFirstCheck() {
        ModelLogin login = login(Map.of(), Optional.of(KEY));

        assertThat(login.state().login()).isEqualTo(HouseFacts.UNKNOWN);
        assertThat(login.state().detail()).contains("not been checked yet");
        assertThat(login.state().checkedAt()).isNull();
        assertThat(gauge()).isEqualTo(-1);
    }

    @Test
    void aTwoHundredIsLoggedInAndALaterFourOhOneNeedsLogin() {
        ModelLogin login = login(Map.of(), Optional.of(KEY));

        LoginState first = login.check();
        models.failNext(request -> true, 1, RecordingHttpServer.Answer.json(401, "{\"error\":{\"message\":\"bad\"}}"));
        LoginState second = login.check();

        assertThat(first.login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(first.detail()).contains("accepted the house's API key", "/v1/models");
        assertThat(first.checkedAt()).isEqualTo(NOW);
        assertThat(second.login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
        assertThat(second.detail())
                .contains("HTTP 401", "Set a valid API key", "HOUSE_MODEL_API_KEY", "house.model.api-key-env")
                .doesNotContain(KEY);
        assertThat(login.state()).isEqualTo(second);
        assertThat(gauge()).isZero();
        assertThat(models.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/v1/models");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        });
    }

    @Test
    void aForbiddenWithoutAKeySaysToSetOneAndSendsNoAuthorization() {
        models.failNext(request -> true, 1, RecordingHttpServer.Answer.json(403, "{}"));
        ModelLogin login = login(Map.of("house.model.api-key-env", "SOME_KEY_VARIABLE"), Optional.empty());

        LoginState state = login.check();

        assertThat(state.login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
        assertThat(state.detail()).contains("HTTP 403", "No API key is set", "SOME_KEY_VARIABLE");
        assertThat(models.requests().getFirst().header("Authorization")).isNull();
    }

    @Test
    void anotherStatusIsUnknownWithTheStatus() {
        models.failNext(request -> true, 1, RecordingHttpServer.Answer.json(500, "{}"));
        ModelLogin login = login(Map.of(), Optional.of(KEY));

        LoginState state = login.check();

        assertThat(state.login()).isEqualTo(HouseFacts.UNKNOWN);
        assertThat(state.detail()).contains("HTTP 500", "/v1/models");
        assertThat(gauge()).isEqualTo(-1);
    }

    @Test
    void anEndpointThatCannotBeReachedIsUnknown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelLogin login =
                login(Map.of("house.model.base-url", "http://127.0.0.1:" + closedPort + "/v1"), Optional.of(KEY));

        LoginState state = login.check();

        assertThat(state.login()).isEqualTo(HouseFacts.UNKNOWN);
        assertThat(state.detail()).contains("could not reach http://127.0.0.1:" + closedPort + "/v1/models");
    }

    @Test
    void simpleModeWithoutAModelNeedsNoLoginButAModelModeWithoutOneIsUnknown() {
        ModelLogin simple = login(Map.of("house.mode", "simple", "house.model.base-url", ""), Optional.of(KEY));
        ModelLogin intelligent =
                login(Map.of("house.mode", "intelligent", "house.model.base-url", " "), Optional.of(KEY));

        assertThat(simple.check().login()).isEqualTo(HouseFacts.NOT_REQUIRED);
        assertThat(simple.state().detail()).contains("SIMPLE mode");
        assertThat(intelligent.check().login()).isEqualTo(HouseFacts.UNKNOWN);
        assertThat(intelligent.state().detail()).contains("no model is configured", "house.model.base-url");
        assertThat(models.requests()).isEmpty();
    }

    @Test
    void aBaseUrlThatIsNotHttpIsUnknownAndSaysSo() {
        ModelLogin login = login(Map.of("house.model.base-url", "ftp://models.example/v1"), Optional.of(KEY));

        LoginState state = login.check();

        assertThat(state.login()).isEqualTo(HouseFacts.UNKNOWN);
        assertThat(state.detail()).contains("'ftp://models.example/v1' is not a usable http(s) URL");
    }

    @Test
    void aModelCallRefusedWith401NeedsLoginAtOnceAndALaterAnswerLogsIn() {
        ModelLogin login = login(Map.of(), Optional.of(KEY));
        login.check();

        login.failed(new ModelException(ModelException.Kind.REJECTED, "refused", 401));
        LoginState refused = login.state();
        login.failed(new ModelException(ModelException.Kind.REJECTED, "no such model", 404));
        login.failed(new ModelException(ModelException.Kind.UNREACHABLE, "down"));
        LoginState afterOtherFailures = login.state();
        login.answered();

        assertThat(refused.login()).isEqualTo(HouseFacts.NEEDS_LOGIN);
        assertThat(refused.detail()).contains("refused a model call with HTTP 401", "HOUSE_MODEL_API_KEY");
        assertThat(afterOtherFailures).isEqualTo(refused);
        assertThat(login.state().login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(gauge()).isEqualTo(1);
    }

    @Test
    void aCheckThatWasAlreadyRunningDoesNotOverwriteWhatAModelCallLearntMeanwhile() throws Exception {
        ModelLogin login = login(Map.of(), Optional.of(KEY));
        models.holdAnswers();
        CompletableFuture<LoginState> slowCheck = CompletableFuture.supplyAsync(login::check);
        await().atMost(Duration.ofSeconds(5)).until(() -> !models.requests().isEmpty());

        login.failed(new ModelException(ModelException.Kind.REJECTED, "refused", 401));
        models.releaseAnswers();

        assertThat(slowCheck.get(5, TimeUnit.SECONDS).login())
                .as("the check itself saw the endpoint accept")
                .isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(login.state().login())
                .as("but the refusal was learnt after the check began")
                .isEqualTo(HouseFacts.NEEDS_LOGIN);
        assertThat(login.check().login()).isEqualTo(HouseFacts.LOGGED_IN);
        assertThat(login.state().login()).as("a check begun later applies").isEqualTo(HouseFacts.LOGGED_IN);
    }

    private ModelLogin login(Map<String, String> overrides, Optional<String> key) {
        Map<String, String> properties = new HashMap<>();
        properties.put("house.mode", "intelligent");
        properties.put("house.model.base-url", models.url() + "/v1/");
        properties.put("house.model.name", "test-model");
        properties.put("house.login.timeout", "2s");
        properties.putAll(overrides);
        return new ModelLogin(HouseConfigs.of(properties), registry, Clock.fixed(NOW, ZoneOffset.UTC), () -> key);
    }

    private double gauge() {
        return registry.get(ModelLogin.GAUGE).tag("house", "ezra").gauge().value();
    }

    /** An OpenAI-compatible endpoint that lists one model; failures are scripted with {@code failNext}. */
    private static final class FakeModels extends RecordingHttpServer {

        private volatile CountDownLatch gate = new CountDownLatch(0);

        FakeModels() {
            super("fake-models");
            route("GET", "/v1/models", request -> {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"test-model\"}]}");
            });
        }

        /** Answers wait until {@link #releaseAnswers()}. */
        void holdAnswers() {
            gate = new CountDownLatch(1);
        }

        void releaseAnswers() {
            gate.countDown();
        }
    }
}

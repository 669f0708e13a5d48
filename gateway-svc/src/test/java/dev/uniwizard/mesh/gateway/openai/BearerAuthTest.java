package dev.uniwizard.mesh.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.gateway.config.GatewayConfig;
import dev.uniwizard.mesh.gateway.operators.Operator;
import dev.uniwizard.mesh.gateway.operators.OperatorDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerAuthTest {

    private static final String TOKEN = "a-token-of-sixteen-or-more";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void findsTheOperatorWhateverTheCaseOfTheSchemeAndTheSpacesAround() {
        assertThat(auth(true).operator("bearer   " + TOKEN + "  ", "test")).isEqualTo(new Operator("alice", "ezra"));
        assertThat(auth(true).operator("Bearer " + TOKEN, "test")).isEqualTo(new Operator("alice", "ezra"));
    }

    @Test
    void refusesOtherSchemesAndWrongTokensWith401() {
        assertStatus(() -> auth(true).operator("Basic " + TOKEN, "test"), 401, "invalid_api_key");
        assertStatus(() -> auth(true).operator("Bearer ", "test"), 401, "invalid_api_key");
        assertStatus(() -> auth(true).operator("Bearer wrong-token-but-long-enough", "test"), 401, "invalid_api_key");
        assertThat(registry.counter("mesh.gateway.openai.auth", "outcome", "missing")
                        .count())
                .isEqualTo(2);
        assertThat(registry.counter("mesh.gateway.openai.auth", "outcome", "invalid")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void answers404WhenTheApiIsTurnedOff() {
        assertStatus(() -> auth(false).operator("Bearer " + TOKEN, "test"), 404, "not_found");
    }

    @Test
    void refusesAHouseListThatIsNotHouseNames() {
        assertThat(new HouseModels(List.of(" Ezra ", "timmy")).all()).containsExactly("ezra", "timmy");
        assertThatThrownBy(() -> new HouseModels(List.of("ezra", "the.archivist")))
                .hasMessageContaining("gateway.openai.houses entry 'the.archivist'");
    }

    private BearerAuth auth(boolean enabled) {
        OperatorDirectory directory = new OperatorDirectory(Map.of("alice", new GatewayConfig.Operator() {
            @Override
            public String house() {
                return "ezra";
            }

            @Override
            public Optional<List<String>> identities() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> tokens() {
                return Optional.of(List.of(TOKEN));
            }
        }));
        OpenAiConfig config = new OpenAiConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public List<String> houses() {
                return List.of("ezra");
            }

            @Override
            public Duration keepAlive() {
                return Duration.ofSeconds(10);
            }
        };
        return new BearerAuth(directory, config, registry);
    }

    private static void assertStatus(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}

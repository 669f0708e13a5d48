package dev.uniwizard.mesh.observatory.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.observatory.config.SloConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloConfigParsingTest {

    @Test
    void windowsAreANumberAndAUnit() {
        assertThat(SloWindow.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(SloWindow.parse(" 24h")).isEqualTo(Duration.ofHours(24));
        assertThat(SloWindow.parse("90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SloWindow.parse("3600s")).isEqualTo(Duration.ofHours(1));
        assertThat(SloWindow.parse("2w")).isEqualTo(Duration.ofDays(14));
        for (String bad : new String[] {"", "30", "d", "0d", "-1d", "1.5h", "30D", "PT1H", "1y"}) {
            assertThatThrownBy(() -> SloWindow.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("s, m, h, d or w");
        }
        assertThatThrownBy(() -> SloWindow.parse("400d")).hasMessageContaining("longest window, 366d");
    }

    @Test
    void labelMatchersMatchAndNegate() {
        LabelMatcher replied = LabelMatcher.parse("outcome=replied");
        LabelMatcher notRejected = LabelMatcher.parse("outcome != rejected");

        assertThat(replied.matches(Map.of("outcome", "replied"))).isTrue();
        assertThat(replied.matches(Map.of("outcome", "pending"))).isFalse();
        assertThat(replied.matches(Map.of())).isFalse();
        assertThat(notRejected.matches(Map.of("outcome", "rejected"))).isFalse();
        assertThat(notRejected.matches(Map.of())).isTrue();
        assertThatThrownBy(() -> LabelMatcher.parse("outcome")).hasMessageContaining("label=value or label!=value");
        assertThatThrownBy(() -> LabelMatcher.parse("le=1")).hasMessageContaining("'le'");
        assertThatThrownBy(() -> LabelMatcher.parse("9x=1")).hasMessageContaining("'9x'");
    }

    @Test
    void uptimeObjectivesAreServiceEqualsPercent() {
        assertThat(SloObjectives.uptime(List.of("gateway=99.5", " router = 99.9 ")))
                .containsExactly(
                        new SloObjectives.UptimeObjective("gateway", 99.5),
                        new SloObjectives.UptimeObjective("router", 99.9));
        assertThatThrownBy(() -> SloObjectives.uptime(List.of("gateway")))
                .hasMessageContaining("'gateway' is not service=percent");
        assertThatThrownBy(() -> SloObjectives.uptime(List.of("gateway=high")))
                .hasMessageContaining("'high' is not a number");
        assertThatThrownBy(() -> SloObjectives.uptime(List.of("gateway=100")))
                .hasMessageContaining("between 0 and 100 percent");
    }

    @Test
    void latencyObjectivesAreChecked() {
        List<SloObjectives.LatencyObjective> objectives = SloObjectives.latency(Map.of(
                "gateway-request",
                latency(
                        "http://127.0.0.1:8080/q/metrics",
                        "mesh_gateway_request_seconds_bucket",
                        "1s",
                        "outcome!=rejected")));

        assertThat(objectives).singleElement().satisfies(o -> {
            assertThat(o.metric()).isEqualTo("mesh_gateway_request_seconds");
            assertThat(o.objective()).isEqualTo(Duration.ofSeconds(1));
            assertThat(o.matchers()).containsExactly(new LabelMatcher("outcome", "rejected", true));
        });
        assertThatThrownBy(() -> SloObjectives.latency(Map.of("x", latency("ftp://h/m", "m", "1s", null))))
                .hasMessageContaining("observatory.slo.latency.x.url 'ftp://h/m' is not an http(s) URL");
        assertThatThrownBy(() -> SloObjectives.latency(Map.of("x", latency("http://h/m", "bad-name", "1s", null))))
                .hasMessageContaining("observatory.slo.latency.x.metric 'bad-name'");
        assertThatThrownBy(() -> SloObjectives.latency(Map.of("x", latency("http://h/m", "m", "0s", null))))
                .hasMessageContaining("observatory.slo.latency.x.objective must be positive");
        assertThatThrownBy(() -> SloObjectives.latency(Map.of("x", latency("http://h/m", "m", null, "nolabel"))))
                .hasMessageContaining("observatory.slo.latency.x.labels: label filter 'nolabel'");
        assertThatThrownBy(() -> SloObjectives.latency(Map.of("Bad Name", latency("http://h/m", "m", null, null))))
                .hasMessageContaining("'Bad Name' is not an objective name");
    }

    private static SloConfig.Latency latency(String url, String metric, String objective, String labels) {
        return new SloConfig.Latency() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public String metric() {
                return metric;
            }

            @Override
            public Optional<Duration> objective() {
                return Optional.ofNullable(objective).map(o -> Duration.parse("PT" + o.toUpperCase()));
            }

            @Override
            public Optional<List<String>> labels() {
                return Optional.ofNullable(labels).map(List::of);
            }
        };
    }
}

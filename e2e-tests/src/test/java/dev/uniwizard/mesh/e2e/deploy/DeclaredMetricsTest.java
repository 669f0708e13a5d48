package dev.uniwizard.mesh.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.e2e.deploy.DeclaredMetrics.Kind;
import dev.uniwizard.mesh.e2e.deploy.DeclaredMetrics.Type;
import org.junit.jupiter.api.Test;

class DeclaredMetricsTest {

    private static final String SOURCE = """
            class Meters {
                static final String UP = "mesh.observatory.services.up";
                static final String LOOSE = "mesh.loose.name";
                void record() {
                    registry.counter("mesh.house.tool.calls", "house", house).increment();
                    sample.stop(Timer.builder("mesh.gateway.request").tag("outcome", outcome).register(registry));
                    meters.timer("mesh.house.tool-latency", "tool", tool).record(latency);
                    Gauge.builder(UP, this, g -> 1.0).register(registry);
                    registry.counter("mesh.scheduler.runs.timed_out").increment();
                    log.info("mesh.security is a log category, mesh.nats.url a key");
                    Gauge.builder("mesh.house.idle", this, g -> 2.0).baseUnit("seconds").register(registry);
                    TimeGauge.builder("mesh.house.since", this, TimeUnit.SECONDS, g -> 2.0).register(registry);
                    registry.counter("mesh.house.payload", "kind", kind);
                    Counter.builder("mesh.house.payload.size").baseUnit(BaseUnits.BYTES).register(registry);
                    registry.counter("mesh." + name + ".requests").increment();
                }
            }
            """;

    private final DeclaredMetrics metrics = DeclaredMetrics.of(SOURCE);

    @Test
    void countersAreExportedWithTotal() {
        assertThat(metrics.resolve("mesh_house_tool_calls_total"))
                .contains(new DeclaredMetrics.Match("mesh.house.tool.calls", new Kind(Type.COUNTER, null)));
        assertThat(metrics.resolve("mesh_scheduler_runs_timed_out_total")).isPresent();
        assertThat(metrics.resolve("mesh_house_tool_calls")).isEmpty();
        assertThat(metrics.resolve("mesh_house_tool_calls_seconds_count")).isEmpty();
    }

    @Test
    void timersAreHistogramsInSeconds() {
        assertThat(metrics.resolve("mesh_gateway_request_seconds_bucket")).isPresent();
        assertThat(metrics.resolve("mesh_gateway_request_seconds_count")).isPresent();
        assertThat(metrics.resolve("mesh_gateway_request_seconds_max")).isPresent();
        assertThat(metrics.resolve("mesh_house_tool_latency_seconds_sum"))
                .contains(new DeclaredMetrics.Match("mesh.house.tool-latency", new Kind(Type.TIMER, null)));
        assertThat(metrics.resolve("mesh_gateway_request_total")).isEmpty();
        assertThat(metrics.resolve("mesh_gateway_request_bucket")).isEmpty();
    }

    @Test
    void gaugesThroughConstantsAreTyped() {
        assertThat(metrics.resolve("mesh_observatory_services_up"))
                .contains(new DeclaredMetrics.Match("mesh.observatory.services.up", new Kind(Type.GAUGE, null)));
        assertThat(metrics.resolve("mesh_observatory_services_up_total")).isEmpty();
        assertThat(metrics.resolve("mesh_observatory_services_up_seconds")).isEmpty();
    }

    @Test
    void baseUnitsAreAppended() {
        assertThat(metrics.resolve("mesh_house_idle_seconds")).isPresent();
        assertThat(metrics.resolve("mesh_house_idle")).isEmpty();
        assertThat(metrics.resolve("mesh_house_since_seconds")).isPresent();
        assertThat(metrics.resolve("mesh_house_since")).isEmpty();
        assertThat(metrics.resolve("mesh_house_payload_size_bytes_total")).isPresent();
        assertThat(metrics.resolve("mesh_house_payload_size_total")).isEmpty();
        assertThat(metrics.resolve("mesh_house_payload_total")).isPresent();
    }

    @Test
    void literalsNoBuilderUsesAcceptAnyExport() {
        assertThat(metrics.resolve("mesh_loose_name_total")).isPresent();
        assertThat(metrics.resolve("mesh_loose_name_seconds_bucket")).isPresent();
        assertThat(metrics.resolve("mesh_loose_name_other")).isEmpty();
    }

    @Test
    void textThatIsNotAWholeMeterNameIsIgnored() {
        assertThat(metrics.meters()).doesNotContainKeys("mesh.security", "mesh.nats.url", "mesh.");
        assertThat(metrics.resolve("mesh_unknown_thing")).isEmpty();
        assertThat(metrics.explain("mesh_unknown_thing")).contains("a gauge \"mesh.unknown.thing\"");
        assertThat(metrics.explain("mesh_unknown_thing_seconds_bucket")).contains("a timer \"mesh.unknown.thing\"");
        assertThat(metrics.explain("mesh_unknown_thing_total")).contains("a counter \"mesh.unknown.thing\"");
        assertThat(metrics.explain("mesh_house_tool_calls_seconds_count"))
                .contains("mesh.house.tool.calls is a counter exported as mesh_house_tool_calls_total");
        assertThat(metrics.explain("mesh_house_idle"))
                .contains("mesh.house.idle is a gauge in seconds exported as mesh_house_idle_seconds");
    }
}

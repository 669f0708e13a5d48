package dev.uniwizard.mesh.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsMetricNamesButNotFunctionsLabelsOrStrings() {
        String expr = "histogram_quantile(0.95, sum by (house, le) (rate(mesh_house_task_seconds_bucket"
                + "{house=~\"$house\", note=\"mesh_not_a_metric\"}[$__rate_interval])))"
                + " / on (house) group_left (mesh_label) mesh_observatory_house_inbox";

        assertThat(PromQl.meshMetrics(expr))
                .containsExactly("mesh_house_task_seconds_bucket", "mesh_observatory_house_inbox");
        assertThat(PromQl.recordedSeries(expr)).isEmpty();
    }

    @Test
    void findsRecordingRuleNamesWithColonsAsAWhole() {
        String expr = "house:mesh_house_task_seconds:p95_5m > 5 and mesh:gateway_request_errors:ratio_rate1h"
                + " > (14.4 * 0.005) or max_over_time(mesh_gateway_waiting[5m:1m]) offset 1h";

        assertThat(PromQl.recordedSeries(expr))
                .containsExactly("house:mesh_house_task_seconds:p95_5m", "mesh:gateway_request_errors:ratio_rate1h");
        assertThat(PromQl.meshMetrics(expr)).containsExactly("mesh_gateway_waiting");
    }

    @Test
    void readsGrafanaVariableQueries() {
        assertThat(PromQl.meshMetrics("label_values(mesh_observatory_house_inbox, house)"))
                .containsExactly("mesh_observatory_house_inbox");
    }

    @Test
    void replacesGrafanaVariablesForPromtool() {
        assertThat(PromQl.withoutGrafanaVariables(
                        "sum(increase(x{h=~\"$house\",j=~\"${job}\"}[$__range])) / rate(x[$__rate_interval])"))
                .isEqualTo("sum(increase(x{h=~\".*\",j=~\".*\"}[1h])) / rate(x[5m])");
    }
}

package dev.uniwizard.mesh.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.e2e.deploy.DeployFiles.Expression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code mesh_*} series a dashboard, rule or rule test reads is exported by a Micrometer meter the services
 * declare (with the suffix its type gets), and every recording-rule name they read is recorded: renaming a metric
 * fails the build here instead of leaving an empty panel or an alert that can never fire.
 */
class MetricNamesTest {

    private static DeclaredMetrics declared;
    private static Set<String> recorded;

    @BeforeAll
    static void scan() {
        declared = DeclaredMetrics.scan(RepoFiles.root());
        recorded = DeployFiles.recordedNames();
    }

    @Test
    void theScanFindsTheMeshMeters() {
        assertThat(declared.meters()).hasSizeGreaterThan(30);
        assertThat(declared.resolve("mesh_gateway_request_seconds_bucket"))
                .hasValueSatisfying(match -> assertThat(match.type()).isEqualTo(DeclaredMetrics.Type.TIMER));
        assertThat(declared.resolve("mesh_house_tool_calls_total"))
                .hasValueSatisfying(match -> assertThat(match.meter()).isEqualTo("mesh.house.tool.calls"));
        assertThat(declared.resolve("mesh_house_tool_calls_seconds_bucket")).isEmpty();
        assertThat(recorded).contains("mesh:gateway_request_errors:ratio_rate5m");
    }

    @Test
    void dashboardsReadOnlyExportedMetrics() {
        List<Expression> expressions = new ArrayList<>();
        DeployFiles.dashboards().forEach(file -> expressions.addAll(DeployFiles.dashboardExpressions(file)));

        assertThat(problems(expressions))
                .as("unknown series in the Grafana dashboards")
                .isEmpty();
    }

    @Test
    void rulesReadOnlyExportedMetrics() {
        List<Expression> expressions = new ArrayList<>();
        for (Path file : DeployFiles.ruleFiles()) {
            expressions.addAll(DeployFiles.ruleExpressions(file));
        }

        assertThat(problems(expressions))
                .as("unknown series in the Prometheus rules")
                .isEmpty();
    }

    @Test
    void ruleTestsFeedExportedMetrics() {
        List<Expression> expressions = new ArrayList<>();
        for (Path file : DeployFiles.ruleTests()) {
            expressions.addAll(DeployFiles.ruleTestExpressions(file));
        }

        assertThat(problems(expressions))
                .as("unknown series in the Prometheus rule tests")
                .isEmpty();
    }

    private static List<String> problems(List<Expression> expressions) {
        assertThat(expressions).as("expressions found").isNotEmpty();
        Set<String> problems = new LinkedHashSet<>();
        for (Expression expression : expressions) {
            for (String name : PromQl.meshMetrics(expression.expr())) {
                if (declared.resolve(name).isEmpty()) {
                    problems.add(name + ": " + declared.explain(name) + "\n    in " + expression);
                }
            }
            for (String name : PromQl.recordedSeries(expression.expr())) {
                if (!recorded.contains(name)) {
                    problems.add(name + ": no rule in " + DeployFiles.RULES + " records it\n    in " + expression);
                }
            }
        }
        return List.copyOf(problems);
    }
}

package dev.uniwizard.mesh.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.e2e.deploy.DeployFiles.Expression;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/prometheus checked by the real {@code promtool}: the scrape configuration, the rules, the rules' unit tests,
 * and every PromQL expression of the Grafana dashboards. Fails (saying what to install) when promtool is missing.
 */
class PromtoolTest {

    @Test
    void scrapeConfigurationIsValid() {
        Promtool.Run run = Promtool.run("check", "config", RepoFiles.PROMETHEUS_CONFIG);

        assertThat(run.exitCode()).as(run.report()).isZero();
        assertThat(run.output()).as(run.report()).contains("SUCCESS");
    }

    @Test
    void rulesAreValid() {
        List<Path> rules = DeployFiles.ruleFiles();
        assertThat(rules).as("rule files in " + DeployFiles.RULES).isNotEmpty();

        Promtool.Run run = Promtool.run(concat(List.of("check", "rules"), Promtool.relative(rules)));

        assertThat(run.exitCode()).as(run.report()).isZero();
    }

    @Test
    void ruleUnitTestsPass() {
        List<Path> tests = DeployFiles.ruleTests();
        assertThat(tests).as("promtool unit tests in " + DeployFiles.RULE_TESTS).isNotEmpty();

        Promtool.Run run = Promtool.run(concat(List.of("test", "rules"), Promtool.relative(tests)));

        assertThat(run.exitCode()).as(run.report()).isZero();
        assertThat(run.output()).as(run.report()).doesNotContain("FAILED");
    }

    @Test
    void everyDashboardExpressionIsValidPromQl(@TempDir Path dir) throws IOException {
        List<Expression> expressions = new ArrayList<>();
        DeployFiles.dashboards().forEach(file -> expressions.addAll(DeployFiles.dashboardExpressions(file)));
        List<Expression> queries = expressions.stream()
                .filter(expression -> !expression.where().startsWith("variable"))
                .toList();
        assertThat(queries).as("dashboard queries").hasSizeGreaterThan(10);

        // Each expression becomes a recording rule, which promtool parses; the comment says where it came from.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        for (int i = 0; i < queries.size(); i++) {
            Expression query = queries.get(i);
            rules.append("      # ")
                    .append(query.file())
                    .append(' ')
                    .append(query.where().replace('\n', ' '))
                    .append("\n      - record: dashboard_query_")
                    .append(i)
                    .append("\n        expr: ")
                    .append(DeployFiles.JSON.writeValueAsString(PromQl.withoutGrafanaVariables(query.expr())))
                    .append('\n');
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        Promtool.Run run = Promtool.run("check", "rules", file.toString());

        assertThat(run.exitCode()).as(run.report() + "\n" + rules).isZero();
    }

    @Test
    void everyServiceIsScrapedAsItsModuleOnItsPortWithoutAServiceLabel() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        for (String module : SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    RepoFiles.root().resolve(module).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            expected.put(module, "127.0.0.1:" + properties.getProperty("quarkus.http.port"));
        }

        Map<String, String> scraped = new TreeMap<>();
        JsonNode config = DeployFiles.readYaml(RepoFiles.root().resolve(RepoFiles.PROMETHEUS_CONFIG));
        for (JsonNode job : config.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            assertThat(job.path("metrics_path").asText())
                    .as(name + " metrics_path")
                    .isEqualTo("/q/metrics");
            for (JsonNode target : job.path("static_configs")) {
                assertThat(target.path("labels").has("service"))
                        .as(name + ": a static 'service' label would overwrite the metrics' own service tag")
                        .isFalse();
                target.path("targets").forEach(address -> scraped.put(name, address.asText()));
            }
        }

        assertThat(scraped).isEqualTo(expected);
    }

    static final List<String> SERVICES = List.of(
            "gateway-svc",
            "router-svc",
            "memory-svc",
            "scheduler-svc",
            "observatory-svc",
            "house-timmy",
            "house-ezra",
            "house-bezalel");

    private static String[] concat(List<String> first, String[] rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}

package dev.uniwizard.mesh.e2e.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PromQL of {@code deploy/}: every expression of the Grafana dashboards (panel targets, also in collapsed rows,
 * and query variables), of the Prometheus rules, and of the rules' unit tests (input series and expressions), each with
 * where it is written.
 */
final class DeployFiles {

    static final String DASHBOARDS = "deploy/grafana/dashboards";
    static final String RULES = "deploy/prometheus/rules";
    static final String RULE_TESTS = "deploy/prometheus/tests";

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One PromQL expression and where it is: file and place in it. */
    record Expression(String file, String where, String expr) {

        @Override
        public String toString() {
            return file + " " + where + ": " + expr.strip().replaceAll("\\s+", " ");
        }
    }

    private DeployFiles() {}

    static List<Path> dashboards() {
        return RepoFiles.list(DASHBOARDS, ".json");
    }

    static List<Path> ruleFiles() {
        return RepoFiles.list(RULES, ".yml");
    }

    static List<Path> ruleTests() {
        return RepoFiles.list(RULE_TESTS, ".yml");
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(RepoFiles.show(file) + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(RepoFiles.show(file) + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The expressions of one dashboard: panel targets (also in collapsed rows) and query variables. */
    static List<Expression> dashboardExpressions(Path file) {
        String name = RepoFiles.show(file);
        JsonNode dashboard = readJson(file);
        List<Expression> expressions = new ArrayList<>();
        collectPanels(name, dashboard.path("panels"), expressions);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text =
                    query.isTextual() ? query.asText() : query.path("query").asText("");
            if (!text.isBlank()) {
                expressions.add(new Expression(
                        name, "variable '" + variable.path("name").asText() + "'", text));
            }
        }
        return expressions;
    }

    private static void collectPanels(String file, JsonNode panels, List<Expression> expressions) {
        for (JsonNode panel : panels) {
            int index = 0;
            for (JsonNode target : panel.path("targets")) {
                index++;
                String expr = target.path("expr").asText("");
                String where = "panel '" + panel.path("title").asText() + "' target "
                        + target.path("refId").asText(String.valueOf(index));
                expressions.add(new Expression(file, where, expr));
            }
            collectPanels(file, panel.path("panels"), expressions);
        }
    }

    /** The expressions of one rules file: every alert and recording rule. */
    static List<Expression> ruleExpressions(Path file) {
        String name = RepoFiles.show(file);
        List<Expression> expressions = new ArrayList<>();
        for (JsonNode group : readYaml(file).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String id = rule.has("alert")
                        ? "alert " + rule.path("alert").asText()
                        : "record " + rule.path("record").asText();
                expressions.add(new Expression(name, id, rule.path("expr").asText("")));
            }
        }
        return expressions;
    }

    /** The series names and expressions of one rules unit test file. */
    static List<Expression> ruleTestExpressions(Path file) {
        String name = RepoFiles.show(file);
        List<Expression> expressions = new ArrayList<>();
        for (JsonNode test : readYaml(file).path("tests")) {
            String testName = test.path("name").asText("(unnamed test)");
            for (JsonNode series : test.path("input_series")) {
                String text = series.path("series").asText("");
                int brace = text.indexOf('{');
                expressions.add(new Expression(
                        name, "test '" + testName + "' input series", brace < 0 ? text : text.substring(0, brace)));
            }
            for (JsonNode exprTest : test.path("promql_expr_test")) {
                expressions.add(new Expression(
                        name,
                        "test '" + testName + "' expression",
                        exprTest.path("expr").asText("")));
            }
        }
        return expressions;
    }

    /** The names the rules files record ({@code record:}). */
    static Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        for (Path file : ruleFiles()) {
            for (JsonNode group : readYaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("record")) {
                        names.add(rule.path("record").asText());
                    }
                }
            }
        }
        return names;
    }
}

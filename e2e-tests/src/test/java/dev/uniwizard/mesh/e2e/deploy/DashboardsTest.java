package dev.uniwizard.mesh.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uniwizard.mesh.e2e.deploy.DeployFiles.Expression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provisioned Grafana dashboards are valid, distinct and query the provisioned Prometheus data source. */
class DashboardsTest {

    private static final String PROVISIONING = "deploy/grafana/provisioning";

    @Test
    void theDashboardsAreThere() {
        assertThat(DeployFiles.dashboards())
                .extracting(file -> file.getFileName().toString())
                .contains("mesh-overview.json", "house-stats.json", "slo.json");
    }

    @Test
    void everyDashboardHasAUniqueUidAndTitle() {
        Map<String, String> uids = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (Path file : DeployFiles.dashboards()) {
            String name = RepoFiles.show(file);
            JsonNode dashboard = DeployFiles.readJson(file);
            String uid = dashboard.path("uid").asText("");
            String title = dashboard.path("title").asText("");

            assertThat(uid).as(name + " uid").isNotBlank().hasSizeLessThanOrEqualTo(40);
            assertThat(title).as(name + " title").isNotBlank();
            assertThat(uids.put(uid, name))
                    .as("uid " + uid + " of " + name + " is also used by")
                    .isNull();
            assertThat(titles.put(title, name))
                    .as("title '" + title + "' of " + name + " is also used by")
                    .isNull();
        }
    }

    @Test
    void everyPanelHasAUniqueIdAndQueriesTheProvisionedDataSource() {
        String datasource = provisionedDatasourceUid();
        for (Path file : DeployFiles.dashboards()) {
            String name = RepoFiles.show(file);
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : allPanels(DeployFiles.readJson(file).path("panels"))) {
                String title = name + " panel '" + panel.path("title").asText() + "'";
                assertThat(panel.path("id").isInt())
                        .as(title + " has a numeric id")
                        .isTrue();
                assertThat(ids.add(panel.path("id").asInt()))
                        .as(title + " id is unique")
                        .isTrue();
                assertThat(panel.has("gridPos")).as(title + " has a gridPos").isTrue();
                if ("row".equals(panel.path("type").asText())) {
                    continue;
                }
                assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("expr").asText(""))
                            .as(title + " expr")
                            .isNotBlank();
                    JsonNode source = target.has("datasource") ? target.path("datasource") : panel.path("datasource");
                    assertThat(source.path("uid").asText())
                            .as(title + " data source uid")
                            .isEqualTo(datasource);
                }
            }
        }
    }

    @Test
    void theHouseDashboardIsTemplatedByHouse() {
        Path file = RepoFiles.root().resolve(DeployFiles.DASHBOARDS).resolve("house-stats.json");
        JsonNode dashboard = DeployFiles.readJson(file);

        assertThat(dashboard.path("templating").path("list"))
                .extracting(variable -> variable.path("name").asText())
                .contains("house");
        List<Expression> queries = DeployFiles.dashboardExpressions(file).stream()
                .filter(expression -> expression.where().startsWith("panel"))
                .toList();
        assertThat(queries)
                .filteredOn(query -> query.expr().contains("mesh_house_task_seconds_bucket"))
                .as("task latency from the histogram")
                .isNotEmpty()
                .allSatisfy(query -> assertThat(query.expr()).contains("house=~\"$house\""));
    }

    @Test
    void dashboardsAreProvisionedFromAFolder() {
        JsonNode providers = DeployFiles.readYaml(
                        RepoFiles.root().resolve(PROVISIONING).resolve("dashboards/mesh.yaml"))
                .path("providers");

        assertThat(providers).isNotEmpty();
        assertThat(providers.get(0).path("type").asText()).isEqualTo("file");
        assertThat(providers.get(0).path("options").path("path").asText()).isNotBlank();
    }

    private static String provisionedDatasourceUid() {
        JsonNode datasources = DeployFiles.readYaml(
                        RepoFiles.root().resolve(PROVISIONING).resolve("datasources/prometheus.yaml"))
                .path("datasources");
        assertThat(datasources).as("provisioned data sources").hasSize(1);
        assertThat(datasources.get(0).path("type").asText()).isEqualTo("prometheus");
        return datasources.get(0).path("uid").asText();
    }

    private static List<JsonNode> allPanels(JsonNode panels) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : panels) {
            all.add(panel);
            all.addAll(allPanels(panel.path("panels")));
        }
        return all;
    }
}

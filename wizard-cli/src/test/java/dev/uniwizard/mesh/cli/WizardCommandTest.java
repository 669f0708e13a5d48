package dev.uniwizard.mesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WizardCommandTest {

    @Test
    void noCommandPrintsUsageAndExits2() {
        CliRun run = CliRun.wizard();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("missing command", "Usage: wizard", "keys", "send", "conversation", "health")
                .contains("slo", "history", "digest", "stats");
    }

    @Test
    void unknownCommandListsTheCommands() {
        CliRun run = CliRun.wizard("sned", "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'sned'", "send", "wizard --help");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"keys gen", "keys list", "send", "conversation", "health", "slo", "history", "digest", "stats"})
    void everyCommandHasHelp(String command) {
        String[] args = (command + " --help").split(" ");

        CliRun run = CliRun.wizard(args);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: wizard " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void defaultUrlsAreShownInHelp() {
        assertThat(CliRun.wizard("send", "--help").out()).contains("http://127.0.0.1:8080", "WIZARD_GATEWAY");
        for (String command : new String[] {"health", "slo", "history", "digest", "stats"}) {
            assertThat(CliRun.wizard(command, "--help").out())
                    .as(command)
                    .contains("http://127.0.0.1:8084", "WIZARD_OBSERVATORY", "Exit codes:");
        }
    }
}

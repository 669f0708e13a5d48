package dev.uniwizard.mesh.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.cli.testing.CliRun;
import org.junit.jupiter.api.Test;

/** {@code wizard memory} itself: its place among the wizard's commands, help, and the shared options. */
class MemoryCommandTest {

    @Test
    void theWizardListsTheMemoryCommandAndItsUrl() {
        CliRun run = CliRun.wizard("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("memory ", "WIZARD_MEMORY_URL", "http://127.0.0.1:8082", "WIZARD_TIMMY_URL");
    }

    @Test
    void everyCommandHasHelpAndTheDefaultUrlIsShown() {
        for (String command : new String[] {"verify", "search", "list", "remember", "expire", "markers"}) {
            CliRun run = CliRun.wizard("memory", command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).startsWith("Usage: wizard memory " + command);
            assertThat(run.out()).contains("--memory", "WIZARD_MEMORY_URL", "http://127.0.0.1:8082", "--timeout");
        }
        assertThat(CliRun.wizard("memory", "remember", "--help").out()).contains("--operator", "X-Operator");
        assertThat(CliRun.wizard("memory", "expire", "--help").out()).contains("--operator", "--reason");
        assertThat(CliRun.wizard("memory", "verify", "--help").out()).contains("--json", "1   the chain is BROKEN");
    }

    @Test
    void noSubcommandListsThem() {
        CliRun run = CliRun.wizard("memory");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command: verify, search, list, remember, expire or markers");
    }

    @Test
    void aBadUrlOrTimeoutIsRefused() {
        CliRun url = CliRun.wizard("memory", "verify", "--memory", "localhost:8082");
        CliRun timeout = CliRun.wizard("memory", "verify", "--timeout", "0");

        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("memory URL 'localhost:8082' is not valid");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--timeout must be at least 1 second");
    }

    @Test
    void aBlankOperatorIsRefused() {
        CliRun run =
                CliRun.wizard("memory", "remember", "--project", "p", "--type", "decision", "--operator", " ", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("say who you are with --operator <name>");
    }
}

package dev.uniwizard.mesh.cli;

import dev.uniwizard.mesh.cli.approvals.ApprovalsCommand;
import dev.uniwizard.mesh.cli.approvals.TimmyClient;
import dev.uniwizard.mesh.cli.conversation.ConversationCommand;
import dev.uniwizard.mesh.cli.digest.DigestCommand;
import dev.uniwizard.mesh.cli.health.HealthCommand;
import dev.uniwizard.mesh.cli.history.HistoryCommand;
import dev.uniwizard.mesh.cli.http.ObservatoryClient;
import dev.uniwizard.mesh.cli.jobs.JobsCommand;
import dev.uniwizard.mesh.cli.jobs.SchedulerClient;
import dev.uniwizard.mesh.cli.keys.KeysCommand;
import dev.uniwizard.mesh.cli.memory.MemoryClient;
import dev.uniwizard.mesh.cli.memory.MemoryCommand;
import dev.uniwizard.mesh.cli.send.SendCommand;
import dev.uniwizard.mesh.cli.slo.SloCommand;
import dev.uniwizard.mesh.cli.stats.StatsCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard}: the Uni-Wizard Mesh command-line client. */
@Command(
        name = "wizard",
        mixinStandardHelpOptions = true,
        versionProvider = WizardCommand.Version.class,
        description = "Uni-Wizard Mesh command-line client.",
        subcommands = {
            KeysCommand.class,
            SendCommand.class,
            ConversationCommand.class,
            HealthCommand.class,
            SloCommand.class,
            HistoryCommand.class,
            DigestCommand.class,
            StatsCommand.class,
            ApprovalsCommand.class,
            MemoryCommand.class,
            JobsCommand.class
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  WIZARD_GATEWAY      gateway URL (default http://127.0.0.1:8080)",
            "  WIZARD_OBSERVATORY  observatory URL (default " + ObservatoryClient.DEFAULT_URL + ")",
            "  WIZARD_TIMMY_URL    Timmy's URL, for approvals (default " + TimmyClient.DEFAULT_URL + ")",
            "  WIZARD_MEMORY_URL   memory-svc URL (default " + MemoryClient.DEFAULT_URL + ")",
            "  WIZARD_SCHEDULER    scheduler-svc URL (default " + SchedulerClient.DEFAULT_URL + ")",
            "  WIZARD_DEBUG        set to print stack traces with errors"
        })
public final class WizardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("error: missing command");
        cmd.usage(cmd.getErr());
        return ExitCodes.USAGE_OR_REQUEST;
    }

    /** The command line with the wizard's error handling; tests use it with their own out/err writers. */
    public static CommandLine newCommandLine() {
        ErrorHandlers handlers = new ErrorHandlers();
        return new CommandLine(new WizardCommand())
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The version from the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WizardCommand.class.getPackage().getImplementationVersion();
            return new String[] {"wizard " + (version == null ? "(development build)" : version)};
        }
    }
}

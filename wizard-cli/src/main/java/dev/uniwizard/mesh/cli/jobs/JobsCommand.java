package dev.uniwizard.mesh.cli.jobs;

import dev.uniwizard.mesh.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wizard jobs}: scheduled jobs of scheduler-svc: add, list, pause, resume, fire now, history, preview. */
@Command(
        name = "jobs",
        mixinStandardHelpOptions = true,
        description = "Scheduled jobs: add, list, pause, resume, run now, see their history, preview a schedule.",
        subcommands = {
            JobsAddCommand.class,
            JobsListCommand.class,
            JobsPauseCommand.class,
            JobsResumeCommand.class,
            JobsRunNowCommand.class,
            JobsHistoryCommand.class,
            JobsPreviewCommand.class
        })
public final class JobsCommand implements Callable<Integer> {

    static final String COMMANDS = "add, list, pause, resume, run-now, history or preview";

    static final String REFUSED = "1:the scheduler refused (e.g. no such job, invalid job)";
    static final String UNREACHABLE = "2:invalid input or the scheduler not reachable";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        cmd.getErr().println("error: missing command: " + COMMANDS);
        cmd.usage(cmd.getErr());
        return ExitCodes.USAGE_OR_REQUEST;
    }
}

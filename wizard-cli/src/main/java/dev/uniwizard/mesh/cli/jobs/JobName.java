package dev.uniwizard.mesh.cli.jobs;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code <name>} parameter of the commands that act on one job. */
public final class JobName {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "<name>", description = "the job's name, as 'wizard jobs list' shows it")
    String name;

    /** The name, stripped; refused when blank. */
    String value() {
        if (name == null || name.isBlank()) {
            throw new ParameterException(command.commandLine(), "<name> is empty");
        }
        return name.strip();
    }
}

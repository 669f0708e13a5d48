package dev.uniwizard.mesh.cli.testing;

import dev.uniwizard.mesh.cli.WizardCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real wizard command line in-process, capturing stdout, stderr and the exit code. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun wizard(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = WizardCommand.newCommandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exitCode = cmd.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** No stack trace and no exception class names leak to the user. */
    public boolean hasNoStackTrace() {
        String all = out + err;
        return !all.contains("\tat ") && !all.contains("Exception");
    }
}

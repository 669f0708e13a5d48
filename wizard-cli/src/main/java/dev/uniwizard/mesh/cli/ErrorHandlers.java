package dev.uniwizard.mesh.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Turns exceptions into one {@code error: ...} line on stderr and an exit code; stack traces only with WIZARD_DEBUG. */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    static final String DEBUG_ENV = "WIZARD_DEBUG";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (ex instanceof UnmatchedArgumentException unmatched
                && !cmd.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            err.println("error: unknown command '" + unmatched.getUnmatched().getFirst() + "'; commands: "
                    + String.join(", ", cmd.getSubcommands().keySet()));
        } else {
            err.println("error: " + clean(ex.getMessage()));
            UnmatchedArgumentException.printSuggestions(ex, err);
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.USAGE_OR_REQUEST;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int exitCode;
        if (ex instanceof CliError error) {
            err.println("error: " + clean(error.getMessage()));
            exitCode = error.exitCode();
        } else {
            // mesh-core reports unreadable key or trust files with clear messages; anything else is unexpected.
            String message = ex.getMessage() == null ? ex.getClass().getName() : ex.getMessage();
            err.println("error: " + clean(message));
            exitCode = ExitCodes.FAILURE;
        }
        if (System.getenv(DEBUG_ENV) != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    /** Drops the source location Jackson appends on a second line: the message already names the file. */
    static String clean(String message) {
        return message == null ? "" : message.replaceAll("\\R\\s*at \\[Source:[^\\]]*]", "");
    }
}

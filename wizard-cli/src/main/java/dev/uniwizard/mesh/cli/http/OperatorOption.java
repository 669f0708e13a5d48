package dev.uniwizard.mesh.cli.http;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --operator} option of commands that act for a person, who is named in the {@code X-Operator} header. */
public final class OperatorOption {

    public static final String HEADER = "X-Operator";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--operator",
            paramLabel = "<name>",
            defaultValue = "${env:USER:-${sys:user.name}}",
            description = "who you are, sent as the " + HEADER + " header"
                    + " (default: $USER, else the login name; now ${DEFAULT-VALUE})")
    String name;

    /** The operator's name; refused when it is blank (neither {@code $USER} nor the login name is set). */
    public String name() {
        if (name == null || name.isBlank()) {
            throw new ParameterException(
                    command.commandLine(),
                    "say who you are with --operator <name> (neither $USER nor the login name is set)");
        }
        return name.strip();
    }

    /** {@code X-Operator: <name>}, for the request. */
    public Map<String, String> header() {
        return Map.of(HEADER, name());
    }
}

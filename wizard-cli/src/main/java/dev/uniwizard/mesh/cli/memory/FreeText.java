package dev.uniwizard.mesh.cli.memory;

import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Free text given as words ({@code search}'s query, {@code remember}'s content): a word may start with {@code -} (a
 * search excludes it), so such words are text, not options. A word starting with {@code --} is refused rather than
 * kept as text, since it is most likely a mistyped option. These commands have {@code --help} but no {@code -h}: a
 * word such as {@code -hibernate} would look like it.
 */
final class FreeText implements IModelTransformer {

    static final String HELP = "Show this help message and exit.";

    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.parser().unmatchedOptionsArePositionalParams(true).posixClusteredShortOptionsAllowed(false);
        return spec;
    }

    /** The words joined with spaces; refused when there are none or one looks like an unknown option. */
    static String words(CommandSpec spec, String what, List<String> words) {
        if (words != null) {
            for (String word : words) {
                if (word.startsWith("--")) {
                    throw new ParameterException(
                            spec.commandLine(),
                            "unknown option '" + word + "' (to have it in " + what
                                    + ", quote it together with the next word)");
                }
            }
        }
        String text = words == null ? "" : String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new ParameterException(spec.commandLine(), what + " is empty");
        }
        return text;
    }
}

package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.house.config.HouseMode;
import java.util.Locale;
import java.util.Optional;

/**
 * A task's mode: the house's configured mode, or the one a leading {@code /mode simple|intelligent|sovereign} asks
 * for. A task may make a house stricter but never looser: in a house configured SOVEREIGN, approvals stay required
 * whatever the task asks.
 *
 * @param mode the mode the turn runs in
 * @param approvalsRequired whether side-effecting calls need an approval
 * @param text the task's text without the {@code /mode} prefix
 * @param problem why the {@code /mode} prefix could not be used, when it could not
 */
public record ModeRequest(HouseMode mode, boolean approvalsRequired, String text, Optional<String> problem) {

    public static final String PREFIX = "/mode";

    public static ModeRequest of(HouseMode configured, String taskText) {
        String text = taskText == null ? "" : taskText.strip();
        boolean sovereignHouse = configured == HouseMode.SOVEREIGN;
        if (!(text.equals(PREFIX) || text.startsWith(PREFIX + " "))) {
            return new ModeRequest(configured, sovereignHouse, text, Optional.empty());
        }
        String rest = text.substring(PREFIX.length()).strip();
        int space = rest.indexOf(' ');
        String word = (space < 0 ? rest : rest.substring(0, space)).toLowerCase(Locale.ROOT);
        String remainder = space < 0 ? "" : rest.substring(space + 1).strip();
        HouseMode asked;
        try {
            asked = HouseMode.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new ModeRequest(
                    configured,
                    sovereignHouse,
                    remainder,
                    Optional.of("'" + word + "' is not a mode: write /mode simple, /mode intelligent or /mode"
                            + " sovereign, followed by your message."));
        }
        return new ModeRequest(asked, sovereignHouse || asked == HouseMode.SOVEREIGN, remainder, Optional.empty());
    }
}

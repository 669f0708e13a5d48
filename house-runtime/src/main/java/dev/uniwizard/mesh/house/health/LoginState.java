package dev.uniwizard.mesh.house.health;

import dev.uniwizard.mesh.core.payload.HouseFacts;
import java.time.Instant;

/**
 * What the house knows about its model credentials.
 *
 * @param login {@link HouseFacts#LOGGED_IN}, {@link HouseFacts#NEEDS_LOGIN}, {@link HouseFacts#UNKNOWN} or
 *     {@link HouseFacts#NOT_REQUIRED}
 * @param detail a sentence for operators: what was found and, when something is wrong, what to do
 * @param checkedAt when it was found, or null before the first check
 */
public record LoginState(String login, String detail, Instant checkedAt) {

    /** Before the first check. */
    static LoginState notCheckedYet() {
        return new LoginState(HouseFacts.UNKNOWN, "the model credentials have not been checked yet", null);
    }

    /** The value of the gauge {@code mesh.house.login}: 1 logged in, 0 needs login, -1 unknown or not required. */
    double gaugeValue() {
        return switch (login) {
            case HouseFacts.LOGGED_IN -> 1;
            case HouseFacts.NEEDS_LOGIN -> 0;
            default -> -1;
        };
    }
}

package dev.uniwizard.mesh.core.observatory;

import java.time.Instant;

/**
 * Published by the observatory on {@code <root>.events.housestate} when a house's login or version state changes. A
 * state already so when the observatory first sees the house fires nothing.
 *
 * @param house the house
 * @param event {@link #NEEDS_LOGIN}, {@link #LOGGED_IN}, {@link #NEEDS_UPDATE} or {@link #UP_TO_DATE}
 * @param instance the instance that reported it
 * @param detail what was seen (the house's login detail; running and expected versions)
 * @param at when the observatory saw it
 */
public record HouseStateEvent(String house, String event, String instance, String detail, Instant at) {

    public static final String NEEDS_LOGIN = "NeedsLogin";
    public static final String LOGGED_IN = "LoggedIn";
    public static final String NEEDS_UPDATE = "NeedsUpdate";
    public static final String UP_TO_DATE = "UpToDate";
}

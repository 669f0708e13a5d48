package dev.uniwizard.mesh.router.routing;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the house for a message, in order: the envelope's explicit {@code house} field; an address at the start of
 * the text ({@code @ezra ...} or {@code /ezra ...}, removed from the text); a mention of a known house anywhere
 * ({@code ... ask @ezra}); else the default house.
 */
public final class HouseSelector {

    private static final Pattern LEADING_ADDRESS =
            Pattern.compile("^\\s*[@/]([A-Za-z0-9_-]+)\\b[,:]?\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_-]+)\\b");

    private final List<String> houses;
    private final String defaultHouse;

    public HouseSelector(List<String> houses, String defaultHouse) {
        this.houses = houses.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.defaultHouse = defaultHouse.toLowerCase(Locale.ROOT);
        if (!this.houses.contains(this.defaultHouse)) {
            throw new IllegalArgumentException(
                    "router.default-house '" + defaultHouse + "' is not one of router.houses " + houses);
        }
    }

    public RouteDecision select(String explicitHouse, String text) {
        String body = text == null ? "" : text;
        if (explicitHouse != null && !explicitHouse.isBlank()) {
            String house = explicitHouse.trim().toLowerCase(Locale.ROOT);
            return houses.contains(house)
                    ? new RouteDecision.Route(house, body, "addressed to " + house)
                    : unknown(explicitHouse.trim());
        }
        Matcher leading = LEADING_ADDRESS.matcher(body);
        if (leading.matches()) {
            String name = leading.group(1).toLowerCase(Locale.ROOT);
            boolean atSign = body.stripLeading().startsWith("@");
            if (houses.contains(name)) {
                return new RouteDecision.Route(name, leading.group(2), "addressed to " + name);
            }
            if (atSign) {
                return unknown(leading.group(1));
            }
            // "/tool ..." and other commands are not addresses: fall through.
        }
        Matcher mention = MENTION.matcher(body);
        while (mention.find()) {
            String name = mention.group(1).toLowerCase(Locale.ROOT);
            if (houses.contains(name)) {
                return new RouteDecision.Route(name, body, "mentions @" + name);
            }
        }
        return new RouteDecision.Route(defaultHouse, body, "default house");
    }

    private RouteDecision unknown(String requested) {
        return new RouteDecision.UnknownHouse(
                requested,
                "There is no house named '" + requested + "'. Known houses: " + String.join(", ", houses) + ".");
    }
}

package dev.uniwizard.mesh.router.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the house for a message, in order: the envelope's explicit {@code house} field; an address at the start of
 * the text ({@code @ezra ...} or {@code /ezra ...}, removed from the text); a mention of a known house anywhere
 * ({@code ... ask @ezra}); the operator's own house, when the gateway recognised the operator; else the default house.
 * Gitea webhooks use {@link #addressed} and then their triage rules instead of the operator's house.
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

    /** The known houses, lower-case, in configured order. */
    public List<String> houses() {
        return houses;
    }

    public String defaultHouse() {
        return defaultHouse;
    }

    public boolean isHouse(String name) {
        return name != null && houses.contains(name.toLowerCase(Locale.ROOT));
    }

    public RouteDecision select(String explicitHouse, String text) {
        return select(explicitHouse, text, null, null);
    }

    /**
     * The full decision for an operator's message.
     *
     * @param operator the operator the gateway recognised, if any (named in the reason)
     * @param homeHouse that operator's own house, if any
     */
    public RouteDecision select(String explicitHouse, String text, String operator, String homeHouse) {
        String body = text == null ? "" : text;
        Optional<RouteDecision> addressed = addressed(explicitHouse, body);
        if (addressed.isPresent()) {
            return addressed.get();
        }
        if (homeHouse != null && !homeHouse.isBlank()) {
            String whose = operator == null || operator.isBlank() ? "the operator's" : operator.strip() + "'s";
            String home = homeHouse.strip().toLowerCase(Locale.ROOT);
            if (houses.contains(home)) {
                return new RouteDecision.Route(home, body, whose + " own house");
            }
            return new RouteDecision.Route(
                    defaultHouse,
                    body,
                    "default house (" + whose + " own house '" + homeHouse.strip() + "' is not one of " + houses + ")");
        }
        return new RouteDecision.Route(defaultHouse, body, "default house");
    }

    /**
     * The house {@code text} (or the envelope's {@code explicitHouse}) addresses, if any: a {@link RouteDecision.Route}
     * (text without a leading address), or {@link RouteDecision.UnknownHouse} when the field or a leading {@code @name}
     * names no house. Empty when nothing addresses a house.
     */
    public Optional<RouteDecision> addressed(String explicitHouse, String text) {
        String body = text == null ? "" : text;
        if (explicitHouse != null && !explicitHouse.isBlank()) {
            String house = explicitHouse.trim().toLowerCase(Locale.ROOT);
            return Optional.of(
                    houses.contains(house)
                            ? new RouteDecision.Route(house, body, "addressed to " + house)
                            : unknown(explicitHouse.trim()));
        }
        Matcher leading = LEADING_ADDRESS.matcher(body);
        if (leading.matches()) {
            String name = leading.group(1).toLowerCase(Locale.ROOT);
            boolean atSign = body.stripLeading().startsWith("@");
            if (houses.contains(name)) {
                return Optional.of(new RouteDecision.Route(name, leading.group(2), "addressed to " + name));
            }
            if (atSign) {
                return Optional.of(unknown(leading.group(1)));
            }
            // "/tool ..." and other commands are not addresses: fall through.
        }
        Matcher mention = MENTION.matcher(body);
        while (mention.find()) {
            String name = mention.group(1).toLowerCase(Locale.ROOT);
            if (houses.contains(name)) {
                return Optional.of(new RouteDecision.Route(name, body, "mentions @" + name));
            }
        }
        return Optional.empty();
    }

    private RouteDecision unknown(String requested) {
        return new RouteDecision.UnknownHouse(
                requested,
                "There is no house named '" + requested + "'. Known houses: " + String.join(", ", houses) + ".");
    }
}

package dev.uniwizard.mesh.router.routing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How houses are named to people ("Routed to Ezra (archivist): ...", "Ezra is not answering"): configured titles
 * ({@code router.house-titles.<house>}) over the built-in ones; a house without either gets its capitalised name.
 */
public final class HouseTitles {

    /** The built-in titles of the three houses. */
    public static final Map<String, String> DEFAULTS =
            Map.of("timmy", "Timmy (sovereign)", "ezra", "Ezra (archivist)", "bezalel", "Bezalel (artificer)");

    private final Map<String, String> titles = new HashMap<>(DEFAULTS);

    public HouseTitles(Map<String, String> configured) {
        configured.forEach((house, title) -> {
            if (title != null && !title.isBlank()) {
                titles.put(house.toLowerCase(Locale.ROOT), title.strip());
            }
        });
    }

    /** E.g. {@code Ezra (archivist)}. */
    public String title(String house) {
        return titles.getOrDefault(house, name(house));
    }

    /** E.g. {@code Ezra}: the title without its parenthesised role. */
    public String name(String house) {
        String title = titles.get(house);
        if (title != null) {
            int paren = title.indexOf(" (");
            return paren > 0 ? title.substring(0, paren) : title;
        }
        return house.isEmpty() ? house : house.substring(0, 1).toUpperCase(Locale.ROOT) + house.substring(1);
    }
}

package dev.uniwizard.mesh.observatory.stats;

import java.util.List;

/** Stats were asked for a house that is neither in {@code mesh.houses} nor seen in events; answered with HTTP 404. */
public class UnknownHouse extends RuntimeException {

    public UnknownHouse(String house, List<String> known) {
        super("house '" + house + "' is not known: known houses are " + String.join(", ", known)
                + " (mesh.houses and houses seen in turn or tool-call events)");
    }
}

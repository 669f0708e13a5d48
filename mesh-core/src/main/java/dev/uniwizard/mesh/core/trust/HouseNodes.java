package dev.uniwizard.mesh.core.trust;

/** Which house a house node speaks for: node {@code ezra} or {@code ezra-<instance>} (no '-' in the instance). */
public final class HouseNodes {

    private HouseNodes() {}

    /** True when node {@code nodeId} speaks for house {@code house}; false for a null node id. */
    public static boolean speaksFor(String nodeId, String house) {
        if (nodeId == null) {
            return false;
        }
        if (nodeId.equals(house)) {
            return true;
        }
        String instance = nodeId.startsWith(house + "-") ? nodeId.substring(house.length() + 1) : "";
        return !instance.isEmpty() && instance.indexOf('-') < 0;
    }
}

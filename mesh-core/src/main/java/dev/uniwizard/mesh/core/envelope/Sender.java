package dev.uniwizard.mesh.core.envelope;

/** Who originally said something: the platform, the user's id there, and a display name. */
public record Sender(String platform, String userId, String displayName) {

    public static Sender system(String nodeId) {
        return new Sender("mesh", nodeId, nodeId);
    }
}

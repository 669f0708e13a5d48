package dev.uniwizard.mesh.gateway.gitea;

import dev.uniwizard.mesh.core.gitea.GiteaEventPayload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The mesh conversation of a Gitea event: {@code gitea:<owner>:<repo>:<number>} for an issue or pull request (its
 * comments join the same conversation), {@code gitea:<owner>:<repo>:push} for pushes. Conversation ids allow only
 * {@code [A-Za-z0-9._:-]}, so the {@code /} of the repository becomes {@code :} (owners and repositories never hold one, so ids cannot collide); an id longer than 128 characters keeps
 * the start of the repository name and a hash of all of it.
 */
public final class GiteaConversations {

    static final int MAX_LENGTH = 128;

    private GiteaConversations() {}

    public static String of(GiteaEventPayload event) {
        String where = event.number() == null ? "push" : String.valueOf(event.number());
        String repository = event.repository().replace('/', ':');
        String id = "gitea:" + repository + ":" + where;
        if (id.length() <= MAX_LENGTH) {
            return id;
        }
        String hash = "-" + sha256(event.repository()).substring(0, 12);
        int room = MAX_LENGTH - "gitea:".length() - 1 - where.length() - hash.length();
        return "gitea:" + repository.substring(0, room) + hash + ":" + where;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

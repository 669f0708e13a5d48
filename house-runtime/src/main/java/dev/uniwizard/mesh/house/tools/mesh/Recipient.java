package dev.uniwizard.mesh.house.tools.mesh;

import dev.uniwizard.mesh.core.subjects.Subjects;

/**
 * Whom send_message reaches: another house ({@code ezra}, {@code house:ezra}, or {@code mesh:ezra} as houses appear
 * as senders), or an operator on a platform ({@code telegram:12345}).
 */
public sealed interface Recipient {

    /** The platform houses speak on: their messages carry sender {@code mesh:<house>}. */
    String MESH_PLATFORM = "mesh";

    /** The longest user id accepted. */
    int MAX_USER_ID = 128;

    /** The normalized form, e.g. {@code ezra} or {@code telegram:12345}: what allow-lists and permission rules see. */
    String key();

    /** Another house of the mesh. */
    record House(String name) implements Recipient {
        @Override
        public String key() {
            return name;
        }
    }

    /** An operator, known by the platform they use and their id there. */
    record Operator(String platform, String userId) implements Recipient {
        @Override
        public String key() {
            return platform + ":" + userId;
        }
    }

    /** Reads a recipient, or throws {@link IllegalArgumentException} saying what is wrong. */
    static Recipient parse(String to) {
        String value = to == null ? "" : to.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(
                    "no recipient: give a house name (ezra) or platform:user (telegram:12345)");
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return house(value, to);
        }
        String platform = value.substring(0, colon);
        String user = value.substring(colon + 1);
        if (platform.equals("house") || platform.equals(MESH_PLATFORM)) {
            return house(user, to);
        }
        if (!Subjects.isToken(platform)) {
            throw new IllegalArgumentException("'" + platform + "' in '" + to
                    + "' is not a platform name (1-64 lower-case letters, digits, '_' or '-')");
        }
        if (user.isBlank() || user.length() > MAX_USER_ID || user.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(
                    "the user id in '" + to + "' must be 1-" + MAX_USER_ID + " characters without spaces");
        }
        return new Operator(platform, user);
    }

    private static House house(String name, String to) {
        if (!Subjects.isToken(name)) {
            throw new IllegalArgumentException("'" + to + "' is neither a house name (1-64 lower-case letters, digits,"
                    + " '_' or '-', like ezra) nor a recipient like telegram:12345");
        }
        return new House(name);
    }
}

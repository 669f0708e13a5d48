package dev.uniwizard.mesh.gitea;

import java.util.regex.Pattern;

/**
 * A Gitea repository as {@code owner/name}. Parsed strictly so a name from a tool call or a webhook can never put
 * {@code ..} or a slash into an API path.
 *
 * @param owner the user or organisation
 * @param name the repository's name
 */
public record GiteaRepo(String owner, String name) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    /** Parses {@code owner/name}, or says what is wrong with it. */
    public static GiteaRepo parse(String text) throws GiteaApiException {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        if (parts.length != 2 || !valid(parts[0]) || !valid(parts[1])) {
            throw new GiteaApiException("'" + text + "' is not a repository: write it as owner/name (letters, digits,"
                    + " '-', '_' and '.'), e.g. uniwizard/mesh");
        }
        return new GiteaRepo(parts[0], parts[1]);
    }

    private static boolean valid(String part) {
        return PART.matcher(part).matches() && !part.equals(".") && !part.equals("..");
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}

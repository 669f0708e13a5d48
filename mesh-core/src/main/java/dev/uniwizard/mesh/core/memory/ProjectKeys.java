package dev.uniwizard.mesh.core.memory;

import java.util.regex.Pattern;

/** What a project key looks like: a name or a repository path such as {@code org/repo}. */
public final class ProjectKeys {

    public static final int MAX_CHARS = 200;

    /** 1-200 letters, digits, '.', '_', '/' or '-', starting with a letter or digit. */
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

    private ProjectKeys() {}

    public static boolean isValid(String key) {
        return key != null && PATTERN.matcher(key).matches();
    }
}

package dev.uniwizard.mesh.router.triage;

import java.util.regex.Pattern;

/**
 * A path glob of a triage rule. {@code *} matches within one path segment, {@code ?} one character of a segment,
 * {@code **} any number of segments ({@code docs/**}, {@code **}{@code /test/**}). A glob without {@code /} matches the
 * file's name in any directory ({@code *.md} matches {@code README.md} and {@code docs/setup.md}); one with {@code /}
 * matches the whole path from the repository's root. Matching is case-sensitive, like paths in git.
 */
public final class Glob {

    private final String text;
    private final boolean nameOnly;
    private final Pattern pattern;

    private Glob(String text) {
        this.text = text;
        String glob = text.startsWith("/") ? text.substring(1) : text;
        this.nameOnly = !glob.contains("/");
        this.pattern = Pattern.compile(toRegex(glob));
    }

    /** Compiles a glob, or says what is wrong with it. */
    public static Glob of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a path glob is blank");
        }
        return new Glob(text.strip());
    }

    public boolean matches(String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        String candidate = path.startsWith("/") ? path.substring(1) : path;
        if (nameOnly) {
            candidate = candidate.substring(candidate.lastIndexOf('/') + 1);
        }
        return pattern.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }
}

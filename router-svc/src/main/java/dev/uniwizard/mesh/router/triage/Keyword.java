package dev.uniwizard.mesh.router.triage;

import java.util.regex.Pattern;

/**
 * A keyword of a triage rule: found only as a whole word (or phrase), case-insensitive, so {@code doc} does not match
 * {@code docker} and {@code test} does not match {@code latest}.
 */
public final class Keyword {

    private final String text;
    private final Pattern pattern;

    private Keyword(String text) {
        this.text = text;
        this.pattern = Pattern.compile(
                "(?<![\\p{L}\\p{N}_])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static Keyword of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a keyword is blank");
        }
        return new Keyword(text.strip());
    }

    public boolean foundIn(String text) {
        return text != null && pattern.matcher(text).find();
    }

    @Override
    public String toString() {
        return text;
    }
}

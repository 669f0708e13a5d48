package dev.uniwizard.mesh.house.persona;

/**
 * Who the house is, from the app's {@code persona.md}. Its first line introduces the house in every help text; the
 * whole text opens the system prompt of a model turn.
 *
 * @param text the persona as written
 */
public record Persona(String text) {

    public Persona {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a persona needs some text");
        }
    }

    /** The first non-blank line, without Markdown heading marks. */
    public String firstLine() {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .map(line -> line.replaceFirst("^#+\\s*", ""))
                .findFirst()
                .orElseThrow();
    }
}

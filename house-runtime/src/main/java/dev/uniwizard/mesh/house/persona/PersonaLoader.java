package dev.uniwizard.mesh.house.persona;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads {@code persona.md} from the house app's classpath; a house without one does not start. */
@Singleton
public class PersonaLoader {

    public static final String RESOURCE = "persona.md";

    @Produces
    @Singleton
    Persona persona() {
        return load(Thread.currentThread().getContextClassLoader(), RESOURCE);
    }

    /** Reads a persona resource, failing with a message that says what to add. */
    public static Persona load(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the house has no persona: " + resource
                        + " was not found on the classpath; every house app needs src/main/resources/" + resource
                        + " whose first line introduces the house");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new IllegalStateException(
                        "the house's " + resource + " is empty; its first line must introduce the house");
            }
            return new Persona(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}

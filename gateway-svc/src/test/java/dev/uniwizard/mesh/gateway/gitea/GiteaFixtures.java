package dev.uniwizard.mesh.gateway.gitea;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Real-shaped Gitea webhook bodies from src/test/resources/gitea. */
final class GiteaFixtures {

    private GiteaFixtures() {}

    static byte[] read(String name) {
        try (InputStream in = GiteaFixtures.class.getResourceAsStream("/gitea/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource gitea/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code house.workspace.*}: where file and git tools may work. Nothing outside these roots is read or written. */
public interface WorkspaceConfig {

    /**
     * The directories the house may read and write (relative paths resolve against the working directory). File and
     * git tools refuse to work when none is configured. The first root is the default for git tools.
     */
    Optional<List<Path>> roots();

    /** Largest file file_read returns whole, in bytes; longer files are cut with a note. */
    @WithDefault("262144")
    int maxReadBytes();

    /** Largest content file_write accepts, in bytes. */
    @WithDefault("1048576")
    int maxWriteBytes();

    /** Author of the house's commits. */
    GitAuthor gitAuthor();

    interface GitAuthor {
        /** Defaults to the house's title. */
        Optional<String> name();

        /** Defaults to {@code <house>@uniwizard.local}. */
        Optional<String> email();
    }
}

package dev.uniwizard.mesh.house.config;

import io.smallrye.config.WithDefault;
import java.util.List;

/** {@code house.gates.*}: the house's own rules on top of permissions. */
public interface GatesConfig {

    /** Ezra's gate: file_write on a path that exists and was not read in this conversation is refused. */
    @WithDefault("false")
    boolean readBeforeWrite();

    /** Bezalel's gate: the guarded tools are refused unless run_tests passed after the last file change. */
    @WithDefault("false")
    boolean proofRequired();

    @WithDefault("git_commit,gitea_create_pr")
    List<String> proofGuardedTools();
}

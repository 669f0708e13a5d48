package dev.uniwizard.mesh.house.model;

/**
 * Told how each model call of a turn ended, so that whoever tracks the model's credentials (the house's login fact in
 * its heartbeat) learns of a refused key at once instead of at its next check.
 */
public interface ModelCallListener {

    /** Listens to nothing: for tests and tools that need no login tracking. */
    ModelCallListener NONE = new ModelCallListener() {
        @Override
        public void answered() {}

        @Override
        public void failed(ModelException e) {}
    };

    /** The model answered (its credentials were accepted). */
    void answered();

    /** The model call failed; {@link ModelException#credentialsRefused()} says whether the key was refused. */
    void failed(ModelException e);
}

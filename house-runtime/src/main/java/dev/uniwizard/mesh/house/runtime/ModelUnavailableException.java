package dev.uniwizard.mesh.house.runtime;

import dev.uniwizard.mesh.house.model.ModelException;

/**
 * The model could not be reached for a reason that may pass, and nothing with side effects ran yet in the turn: the
 * task may safely be tried again later.
 */
public class ModelUnavailableException extends Exception {

    public ModelUnavailableException(String message, ModelException cause) {
        super(message, cause);
    }
}

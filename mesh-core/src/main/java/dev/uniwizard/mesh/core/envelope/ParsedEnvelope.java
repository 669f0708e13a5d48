package dev.uniwizard.mesh.core.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An envelope together with the JSON tree it was read from. Signatures are checked against the tree, so fields this
 * version does not know are still covered.
 */
public record ParsedEnvelope(Envelope envelope, ObjectNode tree) {}

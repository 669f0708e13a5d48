package dev.uniwizard.mesh.memory.project;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;

/**
 * Who promotes or expires a memory entry: {@code id} is recorded as {@code promoted_by} / {@code changed_by} (a node
 * id, or {@code operator:<name>} over HTTP), {@code house} as the promoting house when a house node asks.
 */
public record Requester(String id, String house) {

    public static final String OPERATOR_PREFIX = "operator:";

    /** An operator, named by the HTTP API's {@code X-Operator} header. */
    public static Requester operator(String name) {
        return new Requester(OPERATOR_PREFIX + name, null);
    }

    /**
     * The node that signed a request, as the trust store knows it. Only a node of role {@code house} has a house: the
     * envelope's {@code house} when the node speaks for it, else the house its id names.
     */
    public static Requester node(String nodeId, NodeRole role, String envelopeHouse) {
        return new Requester(nodeId, role == NodeRole.HOUSE ? houseOfNode(nodeId, envelopeHouse) : null);
    }

    /**
     * The house a house node speaks for, as the router's origin policy has it: node {@code ezra} or
     * {@code ezra-<instance>} (an instance without '-') speaks for {@code ezra}. A house whose own name has a '-' is
     * recognised when its envelope names it ({@code ezra-two-1} with house {@code ezra-two}), or by stripping the last
     * {@code -<instance>} from the node id. Null when no house name results.
     */
    static String houseOfNode(String nodeId, String envelopeHouse) {
        if (nodeId == null) {
            return null;
        }
        if (envelopeHouse != null && Subjects.isToken(envelopeHouse) && HouseNodes.speaksFor(nodeId, envelopeHouse)) {
            return envelopeHouse;
        }
        int dash = nodeId.lastIndexOf('-');
        String house = dash > 0 ? nodeId.substring(0, dash) : nodeId;
        return Subjects.isToken(house) ? house : null;
    }
}

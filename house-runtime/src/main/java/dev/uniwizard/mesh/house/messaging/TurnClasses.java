package dev.uniwizard.mesh.house.messaging;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.payload.TurnEvent;
import dev.uniwizard.mesh.core.platform.Platforms;
import dev.uniwizard.mesh.core.trust.HouseNodes;
import dev.uniwizard.mesh.core.trust.NodeRole;
import dev.uniwizard.mesh.house.engine.ToolOutcome;
import dev.uniwizard.mesh.house.tools.mesh.Recipient;
import dev.uniwizard.mesh.house.tools.mesh.SendMessageTool;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who a task came from and whom a turn's messages went to, by class ({@link TurnEvent#OPERATOR},
 * {@link TurnEvent#HOUSE}, {@link TurnEvent#SCHEDULER}, {@link TurnEvent#SERVICE}), for the turn's event. A task comes
 * from the scheduler when a service node speaking for {@code scheduler} signed it; from the router it is another
 * house's when its sender's platform is {@code mesh} (send_message), else an operator's.
 */
final class TurnClasses {

    private TurnClasses() {}

    /** The class of the task's sender, given the role of the node that signed it. */
    static String receivedFrom(NodeRole role, Envelope task) {
        if (role == NodeRole.SERVICE) {
            return HouseNodes.speaksFor(task.nodeId(), TaskOrigins.SCHEDULER) ? TurnEvent.SCHEDULER : TurnEvent.SERVICE;
        }
        String platform = task.sender() == null ? null : task.sender().platform();
        return Platforms.MESH.equals(platform) ? TurnEvent.HOUSE : TurnEvent.OPERATOR;
    }

    /** The class of whoever reads {@code <root>.out.<platform>}. */
    static String recipientOf(String platform) {
        return switch (platform) {
            case Platforms.MESH -> TurnEvent.HOUSE;
            case Platforms.SCHEDULER -> TurnEvent.SCHEDULER;
            default -> TurnEvent.OPERATOR;
        };
    }

    /**
     * What a turn sent, by recipient class: its reply on {@code replyPlatform} (none when null) plus every
     * send_message call that succeeded.
     */
    static Map<String, Integer> sent(String replyPlatform, List<ToolOutcome> toolCalls) {
        Map<String, Integer> sent = new TreeMap<>();
        if (replyPlatform != null) {
            sent.merge(recipientOf(replyPlatform), 1, Integer::sum);
        }
        for (ToolOutcome call : toolCalls) {
            if (!SendMessageTool.NAME.equals(call.tool()) || !call.ok()) {
                continue;
            }
            try {
                String recipient =
                        switch (Recipient.parse(call.arguments().get("to"))) {
                            case Recipient.House house -> TurnEvent.HOUSE;
                            case Recipient.Operator operator -> recipientOf(operator.platform());
                        };
                sent.merge(recipient, 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                // a call that succeeded had a valid recipient; nothing else can be told about one that did not
            }
        }
        return sent;
    }
}

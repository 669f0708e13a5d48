package dev.uniwizard.mesh.house.approval;

import dev.uniwizard.mesh.house.engine.TurnContext;
import java.util.Map;

/** Where a house gets approvals from; {@link ApprovalClient} asks the mesh's approval authority over NATS. */
public interface ApprovalGateway {

    /** Asks for approval of one call and waits until it is decided, expires, or the turn runs out of time. */
    Approval obtain(TurnContext turn, String tool, Map<String, String> arguments, String reason);
}

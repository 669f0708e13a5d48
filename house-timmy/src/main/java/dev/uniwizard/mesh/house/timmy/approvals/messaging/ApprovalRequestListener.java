package dev.uniwizard.mesh.house.timmy.approvals.messaging;

import dev.uniwizard.mesh.core.subjects.Subjects;
import dev.uniwizard.mesh.house.timmy.approvals.config.ApprovalAuthorityConfig;
import dev.uniwizard.mesh.service.messaging.RequestResponders;
import dev.uniwizard.mesh.service.nats.StreamProvisioning;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Answers houses on {@code <root>.approval.request} and {@code <root>.approval.status}. Every Timmy replica joins the
 * queue group {@value #QUEUE_GROUP}; at most {@code timmy.approvals.max-in-flight} requests run at a time (see
 * {@link dev.uniwizard.mesh.service.messaging.RequestResponder}).
 */
@Startup(100)
@Singleton
public class ApprovalRequestListener {

    static final String QUEUE_GROUP = "approvals";

    private final RequestResponders responders;
    private final Subjects subjects;
    private final ApprovalRequestHandler handler;
    private final ApprovalAuthorityConfig config;

    public ApprovalRequestListener(
            StreamProvisioning provisioned,
            RequestResponders responders,
            Subjects subjects,
            ApprovalRequestHandler handler,
            ApprovalAuthorityConfig config) {
        this.responders = responders;
        this.subjects = subjects;
        this.handler = handler;
        this.config = config;
    }

    @PostConstruct
    void start() {
        responders.start(
                "approvals",
                Map.of(
                        Subjects.APPROVAL_REQUEST, subjects.approval(Subjects.APPROVAL_REQUEST),
                        Subjects.APPROVAL_STATUS, subjects.approval(Subjects.APPROVAL_STATUS)),
                QUEUE_GROUP,
                config.maxInFlight(),
                handler);
    }
}

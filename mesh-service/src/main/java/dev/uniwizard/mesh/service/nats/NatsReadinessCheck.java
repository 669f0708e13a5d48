package dev.uniwizard.mesh.service.nats;

import io.nats.client.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while connected to NATS and the streams are provisioned. */
@Readiness
@ApplicationScoped
public class NatsReadinessCheck implements HealthCheck {

    private final Connection connection;
    private final StreamProvisioning provisioning;

    public NatsReadinessCheck(Connection connection, StreamProvisioning provisioning) {
        this.connection = connection;
        this.provisioning = provisioning;
    }

    @Override
    public HealthCheckResponse call() {
        Connection.Status status = connection.getStatus();
        return HealthCheckResponse.named("nats")
                .status(status == Connection.Status.CONNECTED && provisioning.isDone())
                .withData("status", status.name())
                .withData("server", String.valueOf(connection.getConnectedUrl()))
                .withData("streams", provisioning.isDone() ? "provisioned" : provisioning.problem())
                .build();
    }
}

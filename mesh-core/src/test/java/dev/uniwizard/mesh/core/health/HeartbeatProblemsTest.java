package dev.uniwizard.mesh.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uniwizard.mesh.core.envelope.Envelope;
import dev.uniwizard.mesh.core.envelope.EnvelopeKind;
import dev.uniwizard.mesh.core.envelope.Sender;
import dev.uniwizard.mesh.core.payload.HeartbeatPayload;
import dev.uniwizard.mesh.core.signing.EnvelopeSigner;
import dev.uniwizard.mesh.core.signing.NodeKey;
import dev.uniwizard.mesh.core.trust.NodeRole;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatProblemsTest {

    private final Envelope fromGateway = new EnvelopeSigner(
                    NodeKey.generate("gateway-test", NodeRole.GATEWAY), Clock.systemUTC())
            .originate(EnvelopeKind.EVENT, "health", null, Sender.system("gateway-test"), "x", null);

    @Test
    void aNodeReportingItselfOnItsServiceSubjectIsFine() {
        assertThat(HeartbeatProblems.find(fromGateway, heartbeat("gateway", "gateway-test", "UP"), "t.health.gateway"))
                .isEmpty();
        assertThat(HeartbeatProblems.find(
                        fromGateway, heartbeat("gateway", "gateway-test", "DOWN"), "t.health.gateway"))
                .isEmpty();
    }

    @Test
    void aNodeMayNotReportAnotherInstance() {
        assertThat(HeartbeatProblems.find(fromGateway, heartbeat("gateway", "gateway-2", "UP"), "t.health.gateway"))
                .get()
                .extracting(HeartbeatProblems.Problem::reason)
                .isEqualTo("not_self");
    }

    @Test
    void theServiceMustMatchTheSubject() {
        assertThat(HeartbeatProblems.find(fromGateway, heartbeat("gateway", "gateway-test", "UP"), "t.health.router"))
                .get()
                .extracting(HeartbeatProblems.Problem::reason)
                .isEqualTo("wrong_subject");
    }

    @Test
    void missingFieldsAndUnknownStatusesAreMalformed() {
        assertThat(HeartbeatProblems.find(fromGateway, null, "t.health.gateway"))
                .get()
                .extracting(HeartbeatProblems.Problem::reason)
                .isEqualTo("malformed");
        assertThat(HeartbeatProblems.find(fromGateway, heartbeat(null, "gateway-test", "UP"), "t.health.gateway"))
                .get()
                .extracting(HeartbeatProblems.Problem::reason)
                .isEqualTo("malformed");
        assertThat(HeartbeatProblems.find(fromGateway, heartbeat("gateway", null, "UP"), "t.health.gateway"))
                .get()
                .extracting(HeartbeatProblems.Problem::reason)
                .isEqualTo("malformed");
        assertThat(HeartbeatProblems.find(
                        fromGateway, heartbeat("gateway", "gateway-test", "FINE"), "t.health.gateway"))
                .get()
                .extracting(HeartbeatProblems.Problem::detail)
                .asString()
                .contains("FINE");
    }

    private static HeartbeatPayload heartbeat(String service, String instance, String status) {
        return new HeartbeatPayload(service, instance, "1.0", Instant.now(), 1, status, 5);
    }
}

package dev.uniwizard.mesh.memory.api;

import dev.uniwizard.mesh.core.memory.ChainReport;
import dev.uniwizard.mesh.memory.chain.ChainCheckpoint;
import dev.uniwizard.mesh.memory.chain.ChainVerifier;
import dev.uniwizard.mesh.memory.chain.Checkpointer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The tamper-evident chain over HTTP: {@code GET /api/v1/memory/verify} walks it and reports the first broken link
 * (200 either way: {@code intact} tells), {@code POST /api/v1/memory/checkpoints} signs its head now. Runs on worker
 * threads: both go to PostgreSQL.
 */
@Path("/api/v1/memory")
@Produces(MediaType.APPLICATION_JSON)
public class ChainResource {

    private final ChainVerifier verifier;
    private final Checkpointer checkpointer;

    public ChainResource(ChainVerifier verifier, Checkpointer checkpointer) {
        this.verifier = verifier;
        this.checkpointer = checkpointer;
    }

    @GET
    @Path("verify")
    public ChainReport verify() {
        return verifier.verify();
    }

    @POST
    @Path("checkpoints")
    public ChainCheckpoint checkpoint() {
        return checkpointer.checkpointNow();
    }
}

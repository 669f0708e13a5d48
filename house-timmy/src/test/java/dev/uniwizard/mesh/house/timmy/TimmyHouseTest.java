package dev.uniwizard.mesh.house.timmy;

import dev.uniwizard.mesh.house.contract.HouseContract;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Timmy keeps the house contract (with its approval store, like every other Timmy test, so they share one start). */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {
            @ResourceArg(name = "node", value = "timmy-test"),
            @ResourceArg(name = "role", value = "house"),
            @ResourceArg(name = "database", value = "true")
        })
class TimmyHouseTest extends HouseContract {

    @Override
    protected String house() {
        return "timmy";
    }

    @Override
    protected String personaFirstLine() {
        return "Timmy, the sovereign: judgment, priorities and the final approval.";
    }
}

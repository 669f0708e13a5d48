package dev.uniwizard.mesh.house.timmy;

import dev.uniwizard.mesh.house.contract.HouseContract;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Timmy keeps the house contract. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "timmy-test"), @ResourceArg(name = "role", value = "house")})
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

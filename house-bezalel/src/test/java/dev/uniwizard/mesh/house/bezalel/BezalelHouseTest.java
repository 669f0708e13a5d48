package dev.uniwizard.mesh.house.bezalel;

import dev.uniwizard.mesh.house.contract.HouseContract;
import dev.uniwizard.mesh.testkit.MeshTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bezalel keeps the house contract. */
@QuarkusTest
@WithTestResource(
        value = MeshTestResource.class,
        initArgs = {@ResourceArg(name = "node", value = "bezalel-test"), @ResourceArg(name = "role", value = "house")})
class BezalelHouseTest extends HouseContract {

    @Override
    protected String house() {
        return "bezalel";
    }

    @Override
    protected String personaFirstLine() {
        return "Bezalel, the artificer: implementation, tests, and proof for every claim.";
    }
}

package dev.uniwizard.mesh.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HouseSelectorTest {

    private final HouseSelector selector = new HouseSelector(List.of("timmy", "ezra", "bezalel"), "timmy");

    @Test
    void explicitHouseFieldWins() {
        assertThat(selector.select("Ezra", "@bezalel build it"))
                .isEqualTo(new RouteDecision.Route("ezra", "@bezalel build it", "addressed to ezra"));
    }

    @Test
    void leadingAddressIsRemovedFromTheText() {
        assertThat(selector.select(null, "@ezra, /tool echo text=hi"))
                .isEqualTo(new RouteDecision.Route("ezra", "/tool echo text=hi", "addressed to ezra"));
        assertThat(selector.select(null, "/bezalel run the tests"))
                .isEqualTo(new RouteDecision.Route("bezalel", "run the tests", "addressed to bezalel"));
    }

    @Test
    void commandsAreNotAddresses() {
        assertThat(selector.select(null, "/tool system_info"))
                .isEqualTo(new RouteDecision.Route("timmy", "/tool system_info", "default house"));
    }

    @Test
    void aMentionOfAKnownHouseRoutesThere() {
        assertThat(selector.select(null, "could you ask @Bezalel to look?"))
                .isEqualTo(new RouteDecision.Route("bezalel", "could you ask @Bezalel to look?", "mentions @bezalel"));
        assertThat(selector.select(null, "mail me at bob@ezra.example"))
                .isEqualTo(new RouteDecision.Route("timmy", "mail me at bob@ezra.example", "default house"));
    }

    @Test
    void unknownHousesAreRefusedWithTheKnownOnes() {
        assertThat(selector.select("gandalf", "hi")).isInstanceOfSatisfying(RouteDecision.UnknownHouse.class, u -> {
            assertThat(u.requested()).isEqualTo("gandalf");
            assertThat(u.message()).contains("no house named 'gandalf'").contains("timmy, ezra, bezalel");
        });
        assertThat(selector.select(null, "@gandalf hi")).isInstanceOf(RouteDecision.UnknownHouse.class);
    }

    @Test
    void defaultHouseMustExist() {
        assertThatThrownBy(() -> new HouseSelector(List.of("ezra"), "timmy"))
                .hasMessageContaining("router.default-house 'timmy' is not one of");
    }
}

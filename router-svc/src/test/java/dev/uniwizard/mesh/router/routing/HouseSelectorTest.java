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
    void anAddressWinsOverTheOperatorsOwnHouseWhichWinsOverTheDefault() {
        assertThat(selector.select(null, "@ezra look", "alice", "bezalel"))
                .isEqualTo(new RouteDecision.Route("ezra", "look", "addressed to ezra"));
        assertThat(selector.select(null, "ask @ezra", "alice", "bezalel"))
                .isEqualTo(new RouteDecision.Route("ezra", "ask @ezra", "mentions @ezra"));
        assertThat(selector.select("timmy", "hello", "alice", "bezalel"))
                .isEqualTo(new RouteDecision.Route("timmy", "hello", "addressed to timmy"));
        assertThat(selector.select(null, "hello", "alice", "Bezalel"))
                .isEqualTo(new RouteDecision.Route("bezalel", "hello", "alice's own house"));
        assertThat(selector.select(null, "hello", null, "ezra"))
                .isEqualTo(new RouteDecision.Route("ezra", "hello", "the operator's own house"));
        assertThat(selector.select(null, "hello", "alice", null))
                .isEqualTo(new RouteDecision.Route("timmy", "hello", "default house"));
    }

    @Test
    void anOwnHouseThatDoesNotExistFallsBackToTheDefaultAndSaysSo() {
        assertThat(selector.select(null, "hello", "alice", "gandalf"))
                .isEqualTo(new RouteDecision.Route(
                        "timmy",
                        "hello",
                        "default house (alice's own house 'gandalf' is not one of [timmy, ezra, bezalel])"));
    }

    @Test
    void addressedIsEmptyWhenNothingNamesAHouse() {
        assertThat(selector.addressed(null, "plain words")).isEmpty();
        assertThat(selector.addressed(null, null)).isEmpty();
        assertThat(selector.addressed(null, "/tool echo")).isEmpty();
        assertThat(selector.addressed(null, "@gandalf hi")).containsInstanceOf(RouteDecision.UnknownHouse.class);
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

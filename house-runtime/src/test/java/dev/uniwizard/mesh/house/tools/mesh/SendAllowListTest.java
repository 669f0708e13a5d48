package dev.uniwizard.mesh.house.tools.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SendAllowListTest {

    @Test
    void unsetMeansUnrestrictedButNeverOneself() {
        SendAllowList open = new SendAllowList("ezra", Optional.empty());

        assertThat(open.refusal(Recipient.parse("telegram:1"))).isEmpty();
        assertThat(open.refusal(Recipient.parse("bezalel"))).isEmpty();
        assertThat(open.refusal(Recipient.parse("ezra"))).hasValue("house 'ezra' may not message itself");
        assertThat(open.refusal(Recipient.parse("house:ezra"))).hasValue("house 'ezra' may not message itself");
    }

    @Test
    void listedHousesAndOperatorsAreAllowed() {
        SendAllowList list = new SendAllowList("ezra", Optional.of(List.of("timmy", " house:bezalel ", "slack:U1")));

        assertThat(list.refusal(Recipient.parse("timmy"))).isEmpty();
        assertThat(list.refusal(Recipient.parse("house:timmy"))).isEmpty();
        assertThat(list.refusal(Recipient.parse("bezalel"))).isEmpty();
        assertThat(list.refusal(Recipient.parse("slack:U1"))).isEmpty();
    }

    @Test
    void aRecipientNotListedIsRefusedWithTheList() {
        SendAllowList list = new SendAllowList("ezra", Optional.of(List.of("ezra", "bezalel")));

        assertThat(list.refusal(Recipient.parse("telegram:42")))
                .hasValue("house 'ezra' may not message 'telegram:42': house.send.allow lists ezra, bezalel");
        assertThat(list.refusal(Recipient.parse("timmy")))
                .hasValue("house 'ezra' may not message 'timmy': house.send.allow lists ezra, bezalel");
        assertThat(list.refusal(Recipient.parse("ezra"))).hasValue("house 'ezra' may not message itself");
    }

    @Test
    void wildcardsCoverEveryHouseOrEveryUserOfOnePlatform() {
        SendAllowList houses = new SendAllowList("ezra", Optional.of(List.of("house:*")));
        SendAllowList telegram = new SendAllowList("ezra", Optional.of(List.of("telegram:*")));

        assertThat(houses.refusal(Recipient.parse("bezalel"))).isEmpty();
        assertThat(houses.refusal(Recipient.parse("timmy"))).isEmpty();
        assertThat(houses.refusal(Recipient.parse("ezra"))).isPresent();
        assertThat(houses.refusal(Recipient.parse("telegram:42"))).isPresent();
        assertThat(telegram.refusal(Recipient.parse("telegram:42"))).isEmpty();
        assertThat(telegram.refusal(Recipient.parse("slack:42")))
                .hasValue("house 'ezra' may not message 'slack:42': house.send.allow lists telegram:*");
        assertThat(telegram.refusal(Recipient.parse("bezalel"))).isPresent();
    }

    @Test
    void anEmptyListAllowsNobody() {
        SendAllowList none = new SendAllowList("ezra", Optional.of(List.of()));

        assertThat(none.refusal(Recipient.parse("bezalel")))
                .hasValue("house 'ezra' may not message 'bezalel': house.send.allow lists nobody");
    }
}

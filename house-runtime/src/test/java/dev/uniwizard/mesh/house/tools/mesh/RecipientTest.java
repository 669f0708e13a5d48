package dev.uniwizard.mesh.house.tools.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecipientTest {

    @Test
    void aHouseIsNamedPlainlyOrWithTheHouseOrMeshPrefix() {
        assertThat(Recipient.parse("bezalel")).isEqualTo(new Recipient.House("bezalel"));
        assertThat(Recipient.parse(" house:timmy ")).isEqualTo(new Recipient.House("timmy"));
        assertThat(Recipient.parse("mesh:ezra")).isEqualTo(new Recipient.House("ezra"));
        assertThat(Recipient.parse("house:timmy").key()).isEqualTo("timmy");
    }

    @Test
    void anOperatorIsPlatformColonUser() {
        Recipient recipient = Recipient.parse("telegram:12345");

        assertThat(recipient).isEqualTo(new Recipient.Operator("telegram", "12345"));
        assertThat(recipient.key()).isEqualTo("telegram:12345");
        assertThat(Recipient.parse("slack:U0:extra")).isEqualTo(new Recipient.Operator("slack", "U0:extra"));
        assertThat(Recipient.parse("telegram:" + "9".repeat(128))).isInstanceOf(Recipient.Operator.class);
    }

    @Test
    void badHouseNamesAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> Recipient.parse("Gandalf the Grey"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Gandalf the Grey' is neither a house name");
        assertThatThrownBy(() -> Recipient.parse("Ezra")).hasMessageContaining("is neither a house name");
        assertThatThrownBy(() -> Recipient.parse("house:telegram:1")).hasMessageContaining("is neither a house name");
        assertThatThrownBy(() -> Recipient.parse("mesh:")).hasMessageContaining("is neither a house name");
        assertThatThrownBy(() -> Recipient.parse("  ")).hasMessageContaining("no recipient");
        assertThatThrownBy(() -> Recipient.parse(null)).hasMessageContaining("no recipient");
    }

    @Test
    void badPlatformsAndUserIdsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> Recipient.parse("mesh.in:x"))
                .hasMessageContaining("'mesh.in' in 'mesh.in:x' is not a platform name");
        assertThatThrownBy(() -> Recipient.parse("Telegram:1")).hasMessageContaining("is not a platform name");
        assertThatThrownBy(() -> Recipient.parse(":1")).hasMessageContaining("is not a platform name");
        assertThatThrownBy(() -> Recipient.parse("telegram:")).hasMessageContaining("user id in 'telegram:'");
        assertThatThrownBy(() -> Recipient.parse("telegram:a b")).hasMessageContaining("without spaces");
        assertThatThrownBy(() -> Recipient.parse("telegram:" + "9".repeat(129)))
                .hasMessageContaining("must be 1-128 characters");
    }
}

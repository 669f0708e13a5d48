package dev.uniwizard.mesh.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void messagesToOneChatAreSpacedByTheChatGap() {
        SendPacer pacer = new SendPacer(1, 30, now::get);
        assertThat(pacer.reserve("a")).isZero();
        assertThat(pacer.reserve("a")).isEqualTo(SECOND);
        assertThat(pacer.reserve("a")).isEqualTo(2 * SECOND);
    }

    @Test
    void aChatThatWaitedLongEnoughSendsAtOnce() {
        SendPacer pacer = new SendPacer(1, 30, now::get);
        pacer.reserve("a");
        now.addAndGet(SECOND);
        assertThat(pacer.reserve("a")).isZero();
    }

    @Test
    void differentChatsAreSpacedByTheOverallGapOnly() {
        SendPacer pacer = new SendPacer(1, 4, now::get);
        assertThat(pacer.reserve("a")).isZero();
        assertThat(pacer.reserve("b")).isEqualTo(250 * MS);
        assertThat(pacer.reserve("c")).isEqualTo(500 * MS);
        assertThat(pacer.reserve("d")).isEqualTo(750 * MS);
    }

    @Test
    void aChatFarBehindDoesNotHoldUpOthers() {
        SendPacer pacer = new SendPacer(1, 10, now::get);
        pacer.reserve("busy");
        pacer.reserve("busy");
        assertThat(pacer.reserve("busy")).isEqualTo(2 * SECOND);
        // Another chat takes the first free overall slot between the busy chat's bookings.
        assertThat(pacer.reserve("quiet")).isEqualTo(100 * MS);
        assertThat(pacer.reserve("other")).isEqualTo(200 * MS);
    }

    @Test
    void aFreeSlotTooCloseToALaterBookingIsSkipped() {
        SendPacer pacer = new SendPacer(1, 2, now::get); // overall gap 500 ms
        pacer.reserve("a"); // 0
        pacer.reserve("a"); // 1 s
        now.addAndGet(600 * MS);
        // 600 ms is free after the booking at 0, but only 400 ms before the one at 1 s: next free is 1.5 s.
        assertThat(pacer.reserve("b")).isEqualTo(900 * MS);
    }

    @Test
    void theChatGapRunsFromTheEndOfASlowSend() {
        SendPacer pacer = new SendPacer(1, 30, now::get);
        assertThat(pacer.reserve("a")).isZero();
        now.addAndGet(300 * MS); // the call took 300 ms
        pacer.finished("a");
        assertThat(pacer.reserve("a")).isEqualTo(SECOND);
    }

    @Test
    void aPausedChatWaitsForTheRetryAfter() {
        SendPacer pacer = new SendPacer(1, 30, now::get);
        pacer.pauseChat("a", Duration.ofSeconds(5));
        assertThat(pacer.reserve("a")).isEqualTo(5 * SECOND);
        assertThat(pacer.reserve("b")).isZero();
    }

    @Test
    void fractionalRatesGiveLongerGaps() {
        SendPacer pacer = new SendPacer(0.5, 30, now::get);
        pacer.reserve("a");
        assertThat(pacer.reserve("a")).isEqualTo(2 * SECOND);
    }

    @Test
    void refusesRatesThatAreNotPositive() {
        assertThatThrownBy(() -> new SendPacer(0, 30, now::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("greater than 0");
    }
}

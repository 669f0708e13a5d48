package dev.uniwizard.mesh.gateway.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uniwizard.mesh.core.payload.ReplyPayload;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyWaitersTest {

    private final ReplyWaiters waiters = new ReplyWaiters(2);
    private final Reply reply = new Reply(null, ReplyPayload.ok("ezra", "hi"));

    @Test
    void completesTheWaiterOfTheCorrelationId() throws Exception {
        try (ReplyWaiters.Waiter waiter = waiters.register("c1").orElseThrow()) {
            assertThat(waiters.complete("other", reply)).isFalse();
            assertThat(waiters.complete("c1", reply)).isTrue();

            assertThat(waiter.await(Duration.ofMillis(10))).contains(reply);
        }
        assertThat(waiters.size()).isZero();
        assertThat(waiters.complete("c1", reply)).isFalse();
    }

    @Test
    void handsEveryReplyToTheWaiterInOrder() throws Exception {
        Reply notice = new Reply(null, ReplyPayload.pending("ezra", "waiting for approval"));
        try (ReplyWaiters.Waiter waiter = waiters.register("c1").orElseThrow()) {
            assertThat(waiters.complete("c1", notice)).isTrue();
            assertThat(waiters.complete("c1", reply)).isTrue();

            assertThat(waiter.await(Duration.ofMillis(10))).contains(notice);
            assertThat(waiter.await(Duration.ofMillis(10))).contains(reply);
            assertThat(waiter.await(Duration.ofMillis(10))).isEmpty();
        }
    }

    @Test
    void endsEmptyWhenNoReplyComes() throws Exception {
        try (ReplyWaiters.Waiter waiter = waiters.register("c1").orElseThrow()) {
            assertThat(waiter.await(Duration.ofMillis(20))).isEmpty();
        }
    }

    @Test
    void refusesWaitersBeyondItsCapacityUntilOneCloses() {
        ReplyWaiters.Waiter first = waiters.register("a").orElseThrow();
        waiters.register("b").orElseThrow();

        assertThat(waiters.register("c")).isEmpty();
        first.close();
        assertThat(waiters.register("c")).isPresent();
        assertThat(waiters.size()).isEqualTo(2);
    }

    @Test
    void refusesASecondWaiterForTheSameId() {
        waiters.register("a").orElseThrow();

        assertThatThrownBy(() -> waiters.register("a")).isInstanceOf(IllegalStateException.class);
        assertThat(waiters.size()).isEqualTo(1);
    }
}

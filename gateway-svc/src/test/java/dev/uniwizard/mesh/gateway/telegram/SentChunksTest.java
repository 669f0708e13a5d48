package dev.uniwizard.mesh.gateway.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentChunksTest {

    @Test
    void remembersProgressPerReplyAndNeverGoesBack() {
        SentChunks sent = new SentChunks(10);
        assertThat(sent.sentCount("r1")).isZero();
        sent.markSent("r1", 2);
        sent.markSent("r1", 1);
        assertThat(sent.sentCount("r1")).isEqualTo(2);
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        SentChunks sent = new SentChunks(2);
        sent.markSent("r1", 1);
        sent.markSent("r2", 1);
        sent.markSent("r3", 1);
        assertThat(sent.size()).isEqualTo(2);
        assertThat(sent.sentCount("r1")).isZero();
        assertThat(sent.sentCount("r3")).isEqualTo(1);
    }
}

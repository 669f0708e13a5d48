package dev.uniwizard.mesh.core.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Time-ordered unique ids (RFC 9562 UUIDv7) and ids derived deterministically from a parent id. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    public static String newId() {
        return newId(Clock.systemUTC());
    }

    /**
     * A UUIDv7 whose first 48 bits are the millisecond timestamp; 12 further bits count within the same millisecond, so
     * ids from one process sort in creation order.
     */
    public static String newId(Clock clock) {
        long millis = clock.millis();
        long stamp = LAST.updateAndGet(previous -> {
            long candidate = millis << 12;
            return candidate > previous ? candidate : previous + 1;
        });
        long msb = (stamp >>> 12) << 16 | 0x7000L | (stamp & 0xFFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * An id for something produced from {@code parentId} (a task from a message, a reply from a task). The same parent
     * and label always give the same id, so a redelivered message that is processed again publishes under the same id
     * and JetStream's duplicate window drops the copy. The timestamp bits of the parent are kept, so ordering holds.
     */
    public static String derive(String parentId, String label) {
        UUID parent = UUID.fromString(parentId);
        byte[] digest = sha256((parentId + "/" + label).getBytes(StandardCharsets.UTF_8));
        ByteBuffer hash = ByteBuffer.wrap(digest);
        long msb = (parent.getMostSignificantBits() & 0xFFFFFFFFFFFF0000L) | 0x7000L | (hash.getShort() & 0xFFFL);
        long lsb = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** True when {@code id} is a UUID string of the form this class produces. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

package dev.uniwizard.mesh.house.tools.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written to it and then stops the writer with {@link Full}, so a huge diff costs
 * neither memory nor the time to format the rest.
 */
final class BoundedOutput extends OutputStream {

    /** Thrown once the limit is reached. */
    static final class Full extends IOException {
        Full() {
            super("output limit reached");
        }
    }

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private boolean full;

    BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int room = limit - kept.size();
        if (length > room) {
            kept.write(bytes, offset, room);
            full = true;
            throw new Full();
        }
        kept.write(bytes, offset, length);
    }

    boolean full() {
        return full;
    }

    /** The kept text; when cut, it ends at the last complete line. */
    String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (full) {
            int lastNewline = text.lastIndexOf('\n');
            text = lastNewline < 0 ? "" : text.substring(0, lastNewline + 1);
        }
        return text;
    }
}

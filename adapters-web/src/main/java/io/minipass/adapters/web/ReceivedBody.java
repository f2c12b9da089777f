package io.minipass.adapters.web;

import java.nio.ByteBuffer;

/**
 * A body's bytes as they arrive, copied into one array that doubles as it fills but never grows beyond the size the
 * body may have: however the body is framed (1-byte chunks, 1-byte TCP segments), it holds at most its limit, taken
 * from the service's {@link BodyMemory} (docs/security.md). Used by one reading thread at a time, and released from
 * any thread.
 */
final class ReceivedBody {
    /** Most bodies (a login's form) fit the first array. */
    static final int FIRST_CAPACITY = 16 * 1024;
    private static final byte[] NONE = new byte[0];

    /** What became of the bytes offered to {@link #add}. */
    enum Added { KEPT, TOO_LARGE, NO_MEMORY_LEFT, RELEASED }

    private final BodyMemory memory;
    private final int maxBytes;
    private final int expectedBytes;
    private byte[] bytes = NONE;
    private int size;
    private boolean released;

    /**
     * @param maxBytes      the most a body may hold
     * @param declaredBytes its {@code Content-Length}, or -1: the array never grows beyond it
     */
    ReceivedBody(BodyMemory memory, int maxBytes, long declaredBytes) {
        this.memory = memory;
        this.maxBytes = maxBytes;
        this.expectedBytes = declaredBytes >= 0 && declaredBytes < maxBytes ? (int) declaredBytes : maxBytes;
    }

    synchronized Added add(ByteBuffer content) {
        if (released) {
            return Added.RELEASED;
        }
        int more = content.remaining();
        if (more > maxBytes - size) {
            return Added.TOO_LARGE;
        }
        if (more > bytes.length - size && !grow(size + more)) {
            return Added.NO_MEMORY_LEFT;
        }
        content.get(bytes, size, more);
        size += more;
        return Added.KEPT;
    }

    private boolean grow(int needed) {
        int capacity = Math.max(needed, Math.min(Math.max(FIRST_CAPACITY, 2 * bytes.length), expectedBytes));
        capacity = Math.min(Math.max(capacity, needed), maxBytes);
        if (!memory.reserve(capacity - bytes.length)) {
            return false;
        }
        byte[] larger = new byte[capacity];
        System.arraycopy(bytes, 0, larger, 0, size);
        bytes = larger;
        return true;
    }

    /** The bytes received, without a copy. */
    synchronized ByteBuffer contents() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    synchronized int size() {
        return size;
    }

    /** Gives the memory back; further bytes are refused. Safe to call more than once. */
    synchronized void release() {
        if (!released) {
            released = true;
            memory.release(bytes.length);
            bytes = NONE;
        }
    }
}

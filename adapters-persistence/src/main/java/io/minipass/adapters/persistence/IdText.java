package io.minipass.adapters.persistence;

import java.nio.charset.StandardCharsets;

/** Platform ids and mobiles as our own tables key them: their bytes, so that every comparison is exact. */
final class IdText {
    private IdText() {
    }

    static byte[] bytes(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] id) {
        return id == null ? "" : new String(id, StandardCharsets.UTF_8);
    }
}

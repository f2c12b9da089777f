package io.minipass.adapters.platforms.crypto;

import java.util.Base64;

/** Strict standard base64 (no line breaks, no URL alphabet), as the platforms send it. */
final class Base64Field {
    private Base64Field() {
    }

    /** The decoded bytes, or {@code null} when the text is not base64 or does not decode to the wanted length. */
    static byte[] decode(String text, int wantedLength) {
        byte[] bytes = decode(text);
        return bytes != null && bytes.length == wantedLength ? bytes : null;
    }

    static byte[] decode(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}

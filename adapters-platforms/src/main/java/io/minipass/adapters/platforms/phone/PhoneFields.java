package io.minipass.adapters.platforms.phone;

import java.math.BigInteger;
import java.util.Map;

/** Reads a phone number out of a platform's payload. */
final class PhoneFields {
    private PhoneFields() {
    }

    /** The first of the fields holding non-blank text (a whole number is taken as its digits), trimmed; else empty. */
    static String firstText(Map<String, Object> payload, String... fields) {
        for (String field : fields) {
            Object value = payload.get(field);
            String text = value instanceof String string ? string.strip()
                    : value instanceof Integer || value instanceof Long || value instanceof BigInteger ? value.toString()
                    : "";
            if (!text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}

package io.minipass.adapters.web.user;

import io.minipass.adapters.web.php.JsonCodec;
import io.minipass.adapters.web.php.PhpValues;
import io.minipass.application.port.in.ProfileData;
import io.minipass.domain.user.InvalidInputException;
import io.minipass.domain.user.Platform;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code auth_data} in the shapes clients send it: a JSON object in a string (HTML-escaped by
 * some, as ShopXO's input filter leaves it), a JSON object in a JSON body, or {@code auth_data[...]}
 * form fields. Values stay as sent. Baidu and QQ send their profile sealed ({@code encrypted_data} +
 * {@code iv}); the others in the clear, read by {@link ClientProfiles}.
 */
public final class AuthDataReader {
    static final String MALFORMED = "授权数据格式有误";

    private AuthDataReader() {
    }

    static final String NO_ENCRYPTED_DATA = "解密数据为空";
    static final String NO_IV = "iv为空,请重试";

    /** @throws InvalidInputException when the value is not a JSON object in any of those shapes, or lacks a sealed part */
    public static ProfileData read(Platform platform, Object value) {
        Map<String, Object> fields = fields(value);
        if (platform != Platform.BAIDU && platform != Platform.QQ) {
            return new ProfileData.Plain(ClientProfiles.read(platform, fields));
        }
        String encryptedData = PhpValues.text(fields.get("encrypted_data"));
        if (encryptedData.isEmpty()) {
            throw new InvalidInputException(NO_ENCRYPTED_DATA);
        }
        String iv = PhpValues.text(fields.get("iv"));
        if (iv.isEmpty()) {
            throw new InvalidInputException(NO_IV);
        }
        return new ProfileData.Sealed(encryptedData, iv);
    }

    /** The fields of {@code auth_data} as sent. */
    static Map<String, Object> fields(Object value) {
        if (value instanceof Map<?, ?> map) {
            return castMap(map);
        }
        if (value instanceof String text) {
            return parseObject(text);
        }
        throw new InvalidInputException(MALFORMED);
    }

    /** The text as it came if that is JSON; only text that is not gets its HTML entities decoded. */
    private static Map<String, Object> parseObject(String text) {
        Object parsed = parse(text).or(() -> parse(decodeHtmlEntities(text)))
                .orElseThrow(() -> new InvalidInputException(MALFORMED));
        if (parsed instanceof Map<?, ?> map) {
            return castMap(map);
        }
        throw new InvalidInputException(MALFORMED);
    }

    private static Optional<Object> parse(String text) {
        try {
            return Optional.ofNullable(JsonCodec.parse(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** PHP's {@code htmlspecialchars_decode}: {@code &amp;} last, so {@code &amp;quot;} reads {@code &quot;}. */
    static String decodeHtmlEntities(String text) {
        return text.replace("&quot;", "\"")
                .replace("&#039;", "'")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
